#!/usr/bin/env node
/**
 * `npm run setup`: everything a fresh clone needs, online or offline.
 *
 * 1. `npm ci` with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and ONNXRUNTIME_NODE_INSTALL=skip, which
 *    never download anything outside the npm registry (onnxruntime-node's CPU build ships in
 *    its package), so the install works on machines that reach only the registry.
 * 2. The Electron binary, fetched separately; offline this fails, and `npm start` then serves
 *    the app to a browser instead.
 * 3. Chromium for the end-to-end tests: installed with apt-get when missing, if this is a
 *    Debian-like machine and we are root; otherwise a hint is printed.
 * 4. `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HINT, findChromium } from './lib/chromium.mjs';
import { findElectronBinary } from './lib/electron-binary.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
process.chdir(repoRoot);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, timeout?: number }} [options]
 */
function run(command, args, options = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0;
}

const offlineEnv = {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  ONNXRUNTIME_NODE_INSTALL: 'skip',
};
if (!run(npm, ['ci'], { env: offlineEnv })) {
  console.error('setup: npm ci failed');
  process.exit(1);
}

if (!findElectronBinary(repoRoot).found) {
  console.log('\n> fetching the Electron binary');
  // Quiet: offline, the installer fails with a stack trace that says less than the line below.
  const fetch = spawnSync(process.execPath, ['node_modules/electron/install.js'], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (fetch.status !== 0 || !findElectronBinary(repoRoot).found) {
    const reason = `${fetch.stderr ?? ''}`.trim().split('\n')[0] || 'timed out';
    console.warn(
      `setup: the Electron binary could not be downloaded (${reason}). ` +
        '`npm start` will serve FaceShop to your browser instead.',
    );
  }
}

if (findChromium() === null) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  const installed =
    canApt &&
    run('apt-get', ['update']) &&
    run('apt-get', ['install', '-y', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (!installed) console.warn(`setup: no Chromium for the end-to-end tests. ${CHROMIUM_HINT}`);
}

if (!run(npm, ['run', 'build'])) process.exit(1);
console.log('\nsetup: done. Start FaceShop with `npm start`; run the tests with `npm test`.');
