/**
 * Where the Electron binary is, without triggering a download. Requiring the `electron` package
 * downloads the binary when it is missing (and fails offline), so this reads the package's
 * path.txt and checks the file instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} repoRoot
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(repoRoot) {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(overridden)
      ? { found: true, path: overridden }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${overridden}` };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        'the Electron binary is not installed (node_modules/electron/path.txt is missing; ' +
        'installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline have no binary)',
    };
  }
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `the Electron binary named by path.txt is missing: ${binary}` };
}
