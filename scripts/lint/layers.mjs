/**
 * The architecture's layers (DESIGN.md, "The layout") as data for the `faceshop/layering` lint
 * rule. A file belongs to the first layer whose folder contains it, so nested folders come
 * before their parents. Files in no layer (tests, scripts, tool configs) are not restricted.
 *
 * For each layer:
 * - `mayImport`: the layers its files may import from (their own included);
 * - `packages`: `{ allow: [...] }` (only these npm packages) or `{ deny: [...] }`;
 * - `nodeBuiltins`: whether Node's built-in modules (fs, path, node:*) may be imported;
 * - `domGlobals` (default true): false forbids the browser's own globals (window, document,
 *   HTMLElement, requestAnimationFrame…), as values and as types, so the layer runs headless.
 *
 * @typedef {{ allow: readonly string[] } | { deny: readonly string[] }} PackageRule
 * @typedef {{
 *   name: string,
 *   folder: string,
 *   why: string,
 *   mayImport: readonly string[],
 *   packages: PackageRule,
 *   nodeBuiltins: boolean,
 *   domGlobals?: boolean,
 * }} Layer
 */

const UI_PACKAGES = ['react', 'react-dom', 'fabric', 'immer'];

/** @type {readonly Layer[]} */
export const layers = [
  {
    name: 'shared',
    folder: 'shared/',
    why: 'shared/ runs in both processes: pure TypeScript, no DOM, no Node, no app code',
    mayImport: ['shared'],
    packages: { allow: ['zod'] },
    nodeBuiltins: false,
  },
  // The renderer's inner layers, lowest first: editor/ < synthesis/ < canvas/ < workspace/ <
  // app/. A layer may import the ones below it, never one above.
  {
    name: 'renderer/editor',
    folder: 'renderer/editor/',
    why: 'the editor is the document, history and tools as plain TypeScript: no DOM, no React, no Fabric, nothing above it',
    mayImport: ['renderer/editor', 'shared'],
    packages: { allow: ['immer'] },
    nodeBuiltins: false,
    domGlobals: false,
  },
  {
    name: 'renderer/synthesis',
    folder: 'renderer/synthesis/',
    why: 'synthesis keeps results in step with the editor’s document; it knows nothing of the screen',
    mayImport: ['renderer/synthesis', 'renderer/editor', 'shared'],
    packages: { deny: ['electron', ...UI_PACKAGES.filter((name) => name !== 'immer')] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/canvas',
    folder: 'renderer/canvas/',
    why: 'the canvas mirrors the editor’s document and results into Fabric; it never reaches up to the workspace or the app',
    mayImport: ['renderer/canvas', 'renderer/synthesis', 'renderer/editor', 'shared'],
    packages: { deny: ['electron'] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/app-events',
    folder: 'renderer/app-events/',
    why: 'the app’s event log and its read-outs sit below the workspace, which emits into them',
    mayImport: [
      'renderer/app-events',
      'renderer/canvas',
      'renderer/synthesis',
      'renderer/editor',
      'shared',
    ],
    packages: { deny: ['electron', ...UI_PACKAGES] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/bridge',
    folder: 'renderer/bridge/',
    why: 'the bridge is the renderer’s one way to the backend and depends on nothing else',
    mayImport: ['renderer/bridge', 'shared'],
    packages: { deny: ['electron', ...UI_PACKAGES] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/workspace',
    folder: 'renderer/workspace/',
    why: 'the workspace controller is not React: it is handed the backend and the shell, and the app composes it',
    mayImport: [
      'renderer/workspace',
      'renderer/app-events',
      'renderer/canvas',
      'renderer/synthesis',
      'renderer/editor',
      'shared',
    ],
    packages: { deny: ['electron', 'react', 'react-dom', 'fabric'] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/paste',
    folder: 'renderer/paste/',
    why: 'smart copy-paste’s requests and geometry; the app’s source panel draws them',
    mayImport: ['renderer/paste', 'renderer/workspace', 'renderer/editor', 'shared'],
    packages: { deny: ['electron', 'react', 'react-dom', 'fabric'] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/styles',
    folder: 'renderer/styles/',
    why: 'style sheets hold no code',
    mayImport: ['renderer/styles'],
    packages: { allow: [] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer/app',
    folder: 'renderer/app/',
    why: 'the React shell composes the layers below it; only renderer/canvas/ uses Fabric',
    mayImport: [
      'renderer/app',
      'renderer/styles',
      'renderer/paste',
      'renderer/workspace',
      'renderer/bridge',
      'renderer/app-events',
      'renderer/canvas',
      'renderer/synthesis',
      'renderer/editor',
      'shared',
    ],
    packages: { deny: ['electron', 'fabric'] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer',
    folder: 'renderer/',
    why: 'the renderer reaches the backend only through renderer/bridge/, and only renderer/canvas/ uses Fabric',
    mayImport: [
      'renderer',
      'renderer/app',
      'renderer/styles',
      'renderer/paste',
      'renderer/workspace',
      'renderer/bridge',
      'renderer/app-events',
      'renderer/canvas',
      'renderer/synthesis',
      'renderer/editor',
      'shared',
    ],
    packages: { deny: ['electron', 'fabric'] },
    nodeBuiltins: false,
  },
  {
    name: 'electron/core',
    folder: 'electron/core/',
    why: 'the core runs under plain Node (CLI, browser host, tests), so it never imports Electron',
    mayImport: ['electron/core', 'shared'],
    packages: { deny: ['electron', ...UI_PACKAGES] },
    nodeBuiltins: true,
  },
  {
    name: 'electron/preload',
    folder: 'electron/preload/',
    why: 'the preload is sandboxed and exposes only the contract',
    mayImport: ['electron/preload', 'shared'],
    packages: { allow: ['electron'] },
    nodeBuiltins: false,
  },
  {
    name: 'electron/host/shim',
    folder: 'electron/host/shim/',
    why: 'the shim runs in the page, in place of the preload',
    mayImport: ['electron/host/shim', 'shared'],
    packages: { allow: [] },
    nodeBuiltins: false,
  },
  {
    name: 'electron/host',
    folder: 'electron/host/',
    why: 'the browser host serves the core’s handlers under plain Node, without Electron',
    mayImport: ['electron/host', 'electron/core', 'shared'],
    packages: { deny: ['electron', ...UI_PACKAGES] },
    nodeBuiltins: true,
  },
  {
    name: 'electron/main',
    folder: 'electron/main/',
    why: 'main wires Electron to the core; it never imports renderer code',
    mayImport: ['electron/main', 'electron/core', 'shared'],
    packages: { deny: UI_PACKAGES },
    nodeBuiltins: true,
  },
];
