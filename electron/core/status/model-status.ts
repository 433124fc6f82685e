/**
 * Whether the synthesis network is installed, for the status bar and About: its manifest read
 * by the one strict reader the inference service uses (`readModelManifest`, DESIGN.md contract
 * 1), and the ONNX file it names present beside it.
 *
 * The ONNX file is not loaded or hashed here, because this runs at start-up and the model can
 * be hundreds of megabytes; the inference service verifies the file when it loads it.
 */
import path from 'node:path';
import type { ModelStatus } from '../../../shared/status/app-status';
import { ModelLoadError, readModelManifest } from '../inference/model-manifest';

/** The model the app ships with: 256 px native resolution. */
export const DEFAULT_MODEL_NAME = 'faceshop-256';

export async function readModelStatus(
  modelsDir: string,
  modelName = DEFAULT_MODEL_NAME,
): Promise<ModelStatus> {
  try {
    const { manifest } = await readModelManifest(path.join(modelsDir, `${modelName}.json`));
    return {
      state: 'installed',
      name: manifest.name,
      version: manifest.version,
      resolution: manifest.nativeResolution,
    };
  } catch (error) {
    if (!(error instanceof ModelLoadError)) throw error;
    return {
      state: error.code === 'model-not-installed' ? 'not-installed' : 'invalid',
      message: error.message,
    };
  }
}
