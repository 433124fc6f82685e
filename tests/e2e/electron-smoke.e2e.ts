/**
 * Launches the real Electron app where an Electron binary is installed. Offline installs
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no internet) have none: the test is then skipped, and
 * says why.
 */
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/lib/electron-binary.mjs';
import { REPO_ROOT } from '../support/repo-paths';

const binary = findElectronBinary(REPO_ROOT);
if (!binary.found) {
  console.log(`Electron smoke test skipped: ${binary.reason}.`);
}

describe('Electron app', () => {
  it.skipIf(!binary.found)(
    'opens one sandboxed window with the contract bridge and no Node',
    async () => {
      if (!binary.found) return;
      const app = await electron.launch({
        executablePath: binary.path,
        args: [REPO_ROOT, ...(process.env.CI ? ['--no-sandbox'] : [])],
        env: { ...process.env, FACESHOP_TEST_HOOKS: '1' },
      });
      try {
        const page = await app.firstWindow();
        await page.waitForFunction(() =>
          (
            window as unknown as { __faceshopTest?: { find(name: string): unknown } }
          ).__faceshopTest?.find('app-ready'),
        );
        expect(await page.title()).toBe('FaceShop');
        const surface = await page.evaluate(() => ({
          bridge: Object.keys(
            (window as unknown as Record<string, object>)['faceshop'] ?? {},
          ).sort(),
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
          url: location.href,
        }));
        expect(surface).toEqual({
          bridge: ['backend', 'on', 'testHooks'],
          require: 'undefined',
          process: 'undefined',
          url: 'app://faceshop/index.html',
        });
        expect(app.windows()).toHaveLength(1);
      } finally {
        await app.close();
      }
    },
  );
});
