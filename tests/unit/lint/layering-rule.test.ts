import { Linter } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import {
  globalViolation,
  layeringRule,
  layeringViolation,
} from '../../../scripts/lint/layering-rule.mjs';

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
    ['renderer/app/App.tsx', 'electron', /renderer\/app may not import "electron"/],
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

describe('layering: the inner layers of the renderer', () => {
  it.each([
    ['renderer/editor/editor.ts', 'immer'],
    ['renderer/editor/editor.ts', '../../shared/document'],
    ['renderer/editor/commands/undo.ts', '../history/patch-history'],
    ['renderer/synthesis/synthesis-client.ts', '../editor'],
    ['renderer/canvas/scene.ts', '../synthesis/result-store'],
    ['renderer/canvas/EditorCanvas.tsx', 'react'],
    ['renderer/app-events/editor-probes.ts', '../canvas/scene-view'],
    ['renderer/workspace/editing-session.ts', '../synthesis/synthesis-client'],
    ['renderer/workspace/photo-opener.ts', '../app-events/app-events'],
    ['renderer/paste/paste-region.ts', '../workspace/project-files'],
    ['renderer/app/App.tsx', '../workspace/workspace-controller'],
    ['renderer/app/App.tsx', '../bridge/backend'],
    ['renderer/main.tsx', './app/App'],
  ])('%s may import %s', (file, specifier) => {
    expect(layeringViolation(file, specifier)).toBeNull();
  });

  it.each([
    ['renderer/editor/editor.ts', 'react', /renderer\/editor may not import "react"/],
    ['renderer/editor/editor.ts', 'react-dom/client', /may not import "react-dom"/],
    ['renderer/editor/editor.ts', 'fabric', /may not import "fabric"/],
    ['renderer/editor/editor.ts', '../workspace/editing-session', /from renderer\/workspace/],
    ['renderer/editor/tools/brush.ts', '../../app/App', /from renderer\/app/],
    ['renderer/editor/editor.ts', '../canvas/scene', /from renderer\/canvas/],
    ['renderer/editor/editor.ts', '../synthesis/synthesis-client', /from renderer\/synthesis/],
    ['renderer/editor/editor.ts', '../bridge/backend', /from renderer\/bridge/],
    ['renderer/synthesis/synthesis-client.ts', '../canvas/scene', /from renderer\/canvas/],
    ['renderer/synthesis/synthesis-client.ts', 'react', /may not import "react"/],
    ['renderer/canvas/scene.ts', '../workspace/editing-session', /from renderer\/workspace/],
    ['renderer/canvas/scene.ts', '../app/App', /from renderer\/app/],
    ['renderer/app-events/app-events.ts', '../workspace/photo-opener', /from renderer\/workspace/],
    ['renderer/workspace/photo-opener.ts', '../app/App', /from renderer\/app/],
    ['renderer/workspace/photo-opener.ts', '../bridge/backend', /from renderer\/bridge/],
    ['renderer/workspace/workspace-controller.ts', 'react', /is not React/],
    ['renderer/paste/paste-region.ts', '../app/SourcePanel', /from renderer\/app/],
    ['renderer/app/App.tsx', 'fabric', /only renderer\/canvas\/ uses Fabric/],
  ])('%s may not import %s', (file, specifier, reason) => {
    expect(layeringViolation(file, specifier)).toMatch(reason);
  });

  it.each([
    ['renderer/editor/editor.ts', 'window'],
    ['renderer/editor/editor.ts', 'document'],
    ['renderer/editor/editor.ts', 'HTMLElement'],
    ['renderer/editor/editor.ts', 'requestAnimationFrame'],
  ])('%s may not use the DOM global %s', (file, name) => {
    expect(globalViolation(file, name)).toMatch(/may not use the DOM's/);
  });

  it.each([
    ['renderer/editor/editor.ts', 'console'],
    ['renderer/editor/editor.ts', 'setTimeout'],
    ['renderer/editor/editor.ts', 'structuredClone'],
    ['renderer/canvas/scene.ts', 'window'],
    ['renderer/app/App.tsx', 'document'],
  ])('%s may use the global %s', (file, name) => {
    expect(globalViolation(file, name)).toBeNull();
  });
});

describe('layering rule in ESLint', () => {
  const lint = (filename: string, code: string, browserGlobals = false) =>
    new Linter({ cwd: '/repo' }).verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: tseslint.parser,
            ...(browserGlobals ? { globals: globals.browser } : {}),
          },
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

  it('fails an editor file that imports React or the workspace', () => {
    const messages = lint(
      '/repo/renderer/editor/commands/x.ts',
      [
        "import { useState } from 'react';",
        "import type { EditingSession } from '../../workspace/editing-session';",
        "import { produce } from 'immer';",
        "import type { FaceDocument } from '../../../shared/document';",
      ].join('\n'),
    );
    expect(messages.map((message) => [message.line, message.ruleId])).toEqual([
      [1, 'faceshop/layering'],
      [2, 'faceshop/layering'],
    ]);
    expect(messages[0]?.message).toMatch(/renderer\/editor may not import "react"/);
    expect(messages[1]?.message).toMatch(/from renderer\/workspace/);
  });

  it.each([false, true])(
    'fails an editor file that uses the DOM (browser globals configured: %s)',
    (browserGlobals) => {
      const messages = lint(
        '/repo/renderer/editor/tools/x.ts',
        [
          "window.addEventListener('keydown', () => {});",
          'export const title = document.title;',
          'export function isField(target: unknown): boolean { return target instanceof HTMLElement; }',
          'export type Key = KeyboardEvent;',
          "console.log(setTimeout, structuredClone, new URL('a:b'), performance.now());",
        ].join('\n'),
        browserGlobals,
      );
      expect(messages.map((message) => message.line)).toEqual([1, 2, 3, 4]);
      expect(messages[0]?.message).toMatch(/may not use the DOM's "window"/);
    },
  );

  it('leaves the DOM to the layers above the editor', () => {
    expect(
      lint('/repo/renderer/canvas/x.ts', 'export const title = window.document.title;', true),
    ).toEqual([]);
  });
});
