// `npm run bench`: bundles tests/bench/synthesis-bench.ts for Node and runs it; `node
// scripts/bench.mjs detail-eval` does the same for tests/bench/detail-eval.ts (`npm run eval:detail`),
// `node scripts/bench.mjs edit-eval` for tests/bench/edit-eval.ts (`npm run eval:edits`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
// Inside node_modules so the bundle resolves sharp and onnxruntime-node from the checkout.
const entry = process.argv[2] ?? 'synthesis-bench';
if (!/^[a-z-]+$/.test(entry)) throw new Error(`bench: no such entry ${entry}`);
const outfile = path.join(root, 'node_modules', '.cache', 'faceshop-bench', `${entry}.mjs`);
await build({
  entryPoints: [path.join(root, 'tests', 'bench', `${entry}.ts`)],
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
