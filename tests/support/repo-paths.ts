/** Paths into the repository for tests that use the shipped models and sample photo. */
import path from 'node:path';

// The benchmark runs as a bundle elsewhere and says where the checkout is.
export const REPO_ROOT =
  process.env['FACESHOP_REPO_ROOT'] ?? path.resolve(import.meta.dirname, '..', '..');
export const MODELS_DIR = path.join(REPO_ROOT, 'models');
export const MODEL_MANIFEST = path.join(MODELS_DIR, 'faceshop-256.json');
export const SAMPLE_PHOTO = path.join(REPO_ROOT, 'assets', 'samples', 'astronaut.png');
