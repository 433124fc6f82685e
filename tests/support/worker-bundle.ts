/**
 * A worker thread's entry bundled for tests and the bench, as scripts/build.mjs bundles it for
 * the app: inside the checkout (node_modules/.cache), so the bundle resolves the native
 * packages it leaves external (onnxruntime-node, sharp) from node_modules.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './repo-paths';

/** `entry` relative to the checkout; returns the bundle's absolute path (`name`.mjs). */
export async function bundleWorker(entry: string, folder: string, name: string): Promise<string> {
  const outfile = path.join(REPO_ROOT, 'node_modules', '.cache', folder, `${name}.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['onnxruntime-node', 'sharp'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
