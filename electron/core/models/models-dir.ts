/**
 * Where the shipped models are, for code that has no Electron `app` to ask (the CLI, the
 * browser host, tests): `FACESHOP_MODELS_DIR` if set, else the nearest `models/` folder holding
 * the sketch-domain graph, searching upward from the running bundle (dist/cli/ in a checkout,
 * resources/ beside app.asar in a packaged app).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SKETCH_DOMAIN_FILE = 'sketch-domain.onnx';
export const DEFAULT_MODEL_MANIFEST = 'faceshop-256.json';
/** The optional full-resolution refiner's manifest, beside the base model's. */
export const DEFAULT_REFINER_MANIFEST = 'refiner.json';
/** The face detector that places the work area (models/tools/convert_face_detector.py). */
export const FACE_DETECTOR_MANIFEST = 'face-detector.json';

export function findModelsDir(startDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env['FACESHOP_MODELS_DIR'];
  if (fromEnv) return path.resolve(fromEnv);
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'models');
    if (existsSync(path.join(candidate, SKETCH_DOMAIN_FILE))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
