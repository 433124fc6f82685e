// `npm run bench`: bundles tests/bench/synthesis-bench.ts for Node and runs it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
// Inside node_modules so the bundle resolves sharp and onnxruntime-node from the checkout.
const outfile = path.join(root, 'node_modules', '.cache', 'faceshop-bench', 'synthesis-bench.mjs');
await build({
  entryPoints: [path.join(root, 'tests', 'bench', 'synthesis-bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, FACESHOP_REPO_ROOT: root },
});
process.exit(run.status ?? 1);
