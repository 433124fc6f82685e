#!/usr/bin/env node
/**
 * `npm run dist`: installers with electron-builder (electron-builder.yml) into release/.
 *
 * electron-builder needs the Electron binary for the current platform and downloads it when it
 * is missing; on a machine installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or without network
 * that ends in a long stack trace. This checks first and explains in one paragraph instead.
 * Extra arguments go to electron-builder (`npm run dist -- --linux deb`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './lib/electron-binary.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
process.chdir(repoRoot);

const electron = findElectronBinary(repoRoot);
if (!electron.found) {
  console.error(
    [
      `npm run dist: cannot package FaceShop because ${electron.reason}.`,
      'electron-builder copies that binary into every installer and would try to download it',
      'now, which fails on offline machines and where ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set.',
      'To build packages, run on a machine with network access',
      '`npx install-electron` (or `unset ELECTRON_SKIP_BINARY_DOWNLOAD && npm ci`),',
      'or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 folder, then run',
      '`npm run dist` again. Nothing was built.',
    ].join(' '),
  );
  process.exit(1);
}

const builder = path.join(repoRoot, 'node_modules', '.bin', 'electron-builder');
if (!existsSync(builder)) {
  console.error('npm run dist: electron-builder is not installed; run `npm ci` first.');
  process.exit(1);
}

/** @param {string} command @param {string[]} args */
const run = (command, args) => {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
// The binary just checked is the one packed: electronDist stops electron-builder from
// downloading its own copy (electron-builder still fetches its packaging tools — AppImage,
// fpm, NSIS — on first use and keeps them in its cache).
const electronDist =
  process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join('node_modules', 'electron', 'dist');
run(process.execPath, ['scripts/build.mjs']);
run(builder, [`--config.electronDist=${electronDist}`, ...process.argv.slice(2)]);
