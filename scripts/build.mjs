#!/usr/bin/env node
/**
 * `npm run build`: everything into dist/ (git-ignored).
 *
 *   dist/electron/main.js     Electron main process (ESM)
 *   dist/electron/preload.cjs preload; sandboxed preloads must be one CommonJS file
 *   dist/cli/faceshop.js      the `faceshop` command (package.json "bin")
 *   dist/host/main.js         the browser test host
 *   dist/host/shim.js         the host's in-page stand-in for the preload
 *   dist/electron/inference-worker.js, dist/host/inference-worker.js: inference worker threads
 *   dist/electron/raster-worker.js, dist/host/raster-worker.js: rasterization worker threads
 *   dist/renderer/            the React app (Vite)
 *
 * Node bundles keep npm packages external: sharp and onnxruntime-node are native and are
 * loaded from node_modules at run time.
 */
import { chmod, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build as bundle } from 'esbuild';
import { build as buildRenderer } from 'vite';
import manifest from '../package.json' with { type: 'json' };

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __FACESHOP_VERSION__: JSON.stringify(manifest.version) },
};

/** @type {import('esbuild').BuildOptions} */
const node = { ...common, platform: 'node', format: 'esm', target: 'node20', packages: 'external' };

/** @type {import('esbuild').BuildOptions} */
const page = { ...common, platform: 'browser', target: 'es2023', minify: true };

const started = performance.now();
await rm('dist', { recursive: true, force: true });
await Promise.all([
  bundle({ ...node, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.js' }),
  bundle({
    ...page,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  bundle({
    ...node,
    entryPoints: ['electron/core/cli/faceshop.ts'],
    outfile: 'dist/cli/faceshop.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  bundle({ ...node, entryPoints: ['electron/host/main.ts'], outfile: 'dist/host/main.js' }),
  ...['electron', 'host'].flatMap((dir) => [
    bundle({
      ...node,
      entryPoints: ['electron/core/inference/inference-worker.ts'],
      outfile: `dist/${dir}/inference-worker.js`,
    }),
    bundle({
      ...node,
      entryPoints: ['electron/core/synthesis/raster-worker.ts'],
      outfile: `dist/${dir}/raster-worker.js`,
    }),
  ]),
  bundle({
    ...page,
    entryPoints: ['electron/host/shim/shim.ts'],
    outfile: 'dist/host/shim.js',
    format: 'iife',
  }),
]);
await chmod('dist/cli/faceshop.js', 0o755);
await buildRenderer({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`build: dist/ ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
