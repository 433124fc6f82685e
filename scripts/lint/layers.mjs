/**
 * The architecture's layers (DESIGN.md, "The layout") as data for the `faceshop/layering` lint
 * rule. A file belongs to the first layer whose folder contains it, so nested folders come
 * before their parents. Files in no layer (tests, scripts, tool configs) are not restricted.
 *
 * For each layer:
 * - `mayImport`: the layers its files may import from (their own included);
 * - `packages`: `{ allow: [...] }` (only these npm packages) or `{ deny: [...] }`;
 * - `nodeBuiltins`: whether Node's built-in modules (fs, path, node:*) may be imported.
 *
 * @typedef {{ allow: readonly string[] } | { deny: readonly string[] }} PackageRule
 * @typedef {{
 *   name: string,
 *   folder: string,
 *   why: string,
 *   mayImport: readonly string[],
 *   packages: PackageRule,
 *   nodeBuiltins: boolean,
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
  {
    name: 'renderer/canvas',
    folder: 'renderer/canvas/',
    why: 'the renderer reaches the backend only through renderer/bridge/',
    mayImport: ['renderer/canvas', 'renderer', 'shared'],
    packages: { deny: ['electron'] },
    nodeBuiltins: false,
  },
  {
    name: 'renderer',
    folder: 'renderer/',
    why: 'the renderer reaches the backend only through renderer/bridge/, and only renderer/canvas/ uses Fabric',
    mayImport: ['renderer', 'renderer/canvas', 'shared'],
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
