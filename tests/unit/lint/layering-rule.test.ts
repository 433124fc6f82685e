import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layeringRule, layeringViolation } from '../../../scripts/lint/layering-rule.mjs';

describe('layering: what each layer may import', () => {
  it.each([
    ['renderer/app/App.tsx', '../../shared/ipc/contract'],
    ['renderer/app/App.tsx', '../canvas/PhotoCanvas'],
    ['renderer/app/App.tsx', 'react'],
    ['renderer/canvas/photo-view.ts', 'fabric'],
    ['shared/ipc/contract.ts', 'zod'],
    ['shared/ipc/contract.ts', '../photo/photo'],
    ['electron/core/imaging/decode-photo.ts', 'sharp'],
    ['electron/core/imaging/decode-photo.ts', 'node:fs/promises'],
    ['electron/main/main.ts', 'electron'],
    ['electron/main/main.ts', '../core/backend'],
    ['electron/preload/preload.ts', 'electron'],
    ['electron/host/host-server.ts', '../core/web/static-files'],
    ['tests/unit/anything.test.ts', 'electron'],
  ])('%s may import %s', (file, specifier) => {
    expect(layeringViolation(file, specifier)).toBeNull();
  });

  it.each([
    ['renderer/app/App.tsx', 'fabric', /only renderer\/canvas\/ uses Fabric/],
    ['renderer/app/App.tsx', 'electron', /renderer may not import "electron"/],
    ['renderer/app/App.tsx', 'node:fs', /Node's "fs"/],
    ['renderer/app/App.tsx', 'path', /Node's "path"/],
    ['renderer/app/App.tsx', '../../electron/core/backend', /from electron\/core/],
    ['renderer/canvas/photo-view.ts', '../../electron/main/main', /from electron\/main/],
    ['shared/ipc/contract.ts', 'node:crypto', /shared may not use Node's "crypto"/],
    ['shared/ipc/contract.ts', 'react', /shared may not import "react"/],
    ['shared/ipc/contract.ts', '../../renderer/app/App', /from renderer/],
    ['shared/ipc/contract.ts', '../../electron/core/backend', /from electron\/core/],
    ['electron/core/backend.ts', 'electron', /never imports Electron/],
    ['electron/core/backend.ts', '../main/app-menu', /from electron\/main/],
    ['electron/core/backend.ts', '../../renderer/app/App', /from renderer/],
    ['electron/preload/preload.ts', 'node:fs', /preload may not use Node/],
    ['electron/preload/preload.ts', '../core/backend', /from electron\/core/],
    ['electron/host/host-server.ts', 'electron', /without Electron/],
    ['electron/host/shim/shim.ts', 'node:http', /shim may not use Node/],
    ['electron/main/main.ts', '../../scripts/build.mjs', /outside the layered folders/],
  ])('%s may not import %s', (file, specifier, reason) => {
    expect(layeringViolation(file, specifier)).toMatch(reason);
  });
});

describe('layering rule in ESLint', () => {
  const lint = (filename: string, code: string) =>
    new Linter({ cwd: '/repo' }).verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser },
          plugins: { faceshop: { rules: { layering: layeringRule } } },
          rules: { 'faceshop/layering': 'error' },
        },
      ],
      { filename },
    );

  it('reports imports, type imports, re-exports and dynamic imports', () => {
    const messages = lint(
      '/repo/renderer/editor/x.ts',
      [
        "import { Canvas } from 'fabric';",
        "import type { App } from 'electron';",
        "export * from '../../electron/core/backend';",
        "void import('node:fs');",
        "import { ok } from '../../shared/ipc/result';",
      ].join('\n'),
    );
    expect(messages.map((message) => message.line)).toEqual([1, 2, 3, 4]);
  });
});
