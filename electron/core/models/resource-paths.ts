/**
 * Where FaceShop's read-only resources are — the models, the sample photo, the inference
 * worker — in each of the layouts it runs from:
 *
 * - a checkout (`npm start`, the browser host, the CLI, tests): bundles in dist/<part>/ or
 *   sources under electron/; `models/` and `assets/samples/` at the repository root, found by
 *   searching upward from the running code;
 * - a packaged app: the code inside `resources/app.asar`, the models and the sample photo
 *   copied beside it into `resources/` by electron-builder (extraResources), and files that
 *   must be real files (native modules, the worker script) in `resources/app.asar.unpacked/`.
 *
 * `FACESHOP_MODELS_DIR` overrides the models folder in every layout (a model under test, a
 * shared install). Nothing here imports Electron: main passes `app.isPackaged` and
 * `process.resourcesPath` in.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findModelsDir } from './models-dir';

export const SAMPLE_PHOTO_FILE = 'astronaut.png';

export type RuntimeLayout =
  | { readonly kind: 'packaged'; readonly resourcesPath: string }
  /** Searches upward from `startDir` (the running bundle's or source file's folder). */
  | { readonly kind: 'checkout'; readonly startDir: string };

export interface ResourcePaths {
  /** Null when no models folder was found (the app still starts and says so). */
  readonly modelsDir: string | null;
  /** The photo the first-run screen offers; null when it is not installed. */
  readonly samplePhoto: string | null;
  /** How the models folder was chosen, for the About box and for bug reports. */
  readonly modelsFrom: 'environment' | 'packaged' | 'checkout' | 'missing';
}

export function resolveResourcePaths(
  layout: RuntimeLayout,
  env: NodeJS.ProcessEnv = process.env,
): ResourcePaths {
  const fromEnv = env['FACESHOP_MODELS_DIR'];
  if (layout.kind === 'packaged') {
    const sample = path.join(layout.resourcesPath, 'samples', SAMPLE_PHOTO_FILE);
    return {
      modelsDir: fromEnv ? path.resolve(fromEnv) : path.join(layout.resourcesPath, 'models'),
      samplePhoto: existsSync(sample) ? sample : null,
      modelsFrom: fromEnv ? 'environment' : 'packaged',
    };
  }
  const modelsDir = findModelsDir(layout.startDir, env);
  return {
    modelsDir,
    samplePhoto: findUpward(layout.startDir, path.join('assets', 'samples', SAMPLE_PHOTO_FILE)),
    modelsFrom: fromEnv ? 'environment' : modelsDir === null ? 'missing' : 'checkout',
  };
}

/**
 * The real-file twin of a path inside `app.asar`: electron-builder moves asarUnpack'ed files to
 * `app.asar.unpacked/` at the same relative path. A worker thread's script and the native
 * modules it loads must be real files, so the worker is started from there. Paths outside an
 * asar archive are returned unchanged.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

function findUpward(startDir: string, relative: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
