/** Paths into the repository for tests that use the shipped models and sample photo. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MODELS_DIR = path.join(REPO_ROOT, 'models');
export const MODEL_MANIFEST = path.join(MODELS_DIR, 'faceshop-256.json');
export const SAMPLE_PHOTO = path.join(REPO_ROOT, 'assets', 'samples', 'astronaut.png');
