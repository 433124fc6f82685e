/**
 * Two test projects:
 * - unit: everything under tests/unit/, plain Node, no build needed. Add a `*.test.ts` file
 *   there and it runs.
 * - e2e: tests/e2e/*.e2e.ts drive the built app (run `npm run build` first; `npm run test:e2e`
 *   does) in Chromium through the browser host, and in Electron where its binary is installed.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: CI machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
