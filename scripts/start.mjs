#!/usr/bin/env node
/**
 * `npm start`: builds if needed, then starts FaceShop in Electron. Where no Electron binary is
 * installed (an offline install), it serves the same app through the browser host instead and
 * prints the address to open.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './lib/electron-binary.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
process.chdir(repoRoot);

const builtFiles = ['dist/electron/main.js', 'dist/renderer/index.html', 'dist/host/main.js'];
if (builtFiles.some((file) => !existsSync(file))) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = findElectronBinary(repoRoot);
/** @type {import('node:child_process').ChildProcess} */
let app;
if (electron.found) {
  app = spawn(electron.path, ['.'], { stdio: 'inherit' });
} else {
  console.log(`FaceShop: ${electron.reason}.`);
  console.log('Serving the app to your browser instead; press Ctrl+C to stop.');
  app = spawn(process.execPath, ['dist/host/main.js'], { stdio: ['ignore', 'pipe', 'inherit'] });
  app.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
    const url = /FACESHOP_HOST_URL=(\S+)/.exec(chunk.toString())?.[1];
    if (url) console.log(`Open ${url} in Chromium or Chrome.`);
  });
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => app.kill(signal));
}
app.on('exit', (code) => process.exit(code ?? 0));
