/**
 * Whether the synthesis network is installed: a manifest `<name>.json` with the ONNX file
 * `<name>.onnx` beside it in the models folder (DESIGN.md, contract 1).
 *
 * Only the manifest is read here; the ONNX file is checked for existence, not loaded or hashed,
 * because this runs at start-up and the model can be hundreds of megabytes. The inference
 * service verifies the file when it loads it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ModelStatus } from '../../../shared/status/app-status';

/** The model the app ships with: 256 px native resolution. */
export const DEFAULT_MODEL_NAME = 'faceshop-256';

// The manifest belongs to the model's authors and will grow (training data, metrics, sha256);
// this reads only what the status needs and ignores the rest.
const ManifestSummarySchema = z.looseObject({
  name: z.string().min(1),
  version: z.union([z.string().min(1), z.number()]).transform(String),
  resolution: z.number().int().positive().optional(),
  native_resolution: z.number().int().positive().optional(),
  nativeResolution: z.number().int().positive().optional(),
});

export async function readModelStatus(
  modelsDir: string,
  modelName = DEFAULT_MODEL_NAME,
): Promise<ModelStatus> {
  const manifestPath = path.join(modelsDir, `${modelName}.json`);
  const onnxPath = path.join(modelsDir, `${modelName}.onnx`);

  let manifestText: string;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
  } catch {
    return {
      state: 'not-installed',
      message: `Model not installed: ${modelName}.json was not found in ${modelsDir}.`,
    };
  }

  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestText);
  } catch {
    return { state: 'invalid', message: `Model manifest ${modelName}.json is not valid JSON.` };
  }
  const manifest = ManifestSummarySchema.safeParse(manifestJson);
  if (!manifest.success) {
    return {
      state: 'invalid',
      message: `Model manifest ${modelName}.json lacks a name or version.`,
    };
  }

  const onnxIsFile = await stat(onnxPath).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!onnxIsFile) {
    return {
      state: 'not-installed',
      message: `Model not installed: ${modelName}.onnx is missing beside its manifest.`,
    };
  }

  const { name, version, resolution, native_resolution, nativeResolution } = manifest.data;
  return {
    state: 'installed',
    name,
    version,
    resolution: resolution ?? native_resolution ?? nativeResolution ?? null,
  };
}
