/** Finding and opening the synthesis model for code without Electron (CLI, host, benchmark). */
import path from 'node:path';
import { InferenceService, type InferenceServiceOptions } from '../inference/inference-service';
import { loadVerifiedModel, type VerifiedModel } from '../inference/model-manifest';
import { DEFAULT_MODEL_MANIFEST } from '../models/models-dir';

/** `--model` may name the manifest (.json) or the ONNX file beside it. */
export function manifestPathFor(
  modelArg: string | undefined,
  modelsDir: string | null,
): string | null {
  if (modelArg !== undefined) {
    return modelArg.endsWith('.onnx')
      ? `${modelArg.slice(0, -'.onnx'.length)}.json`
      : path.resolve(modelArg);
  }
  return modelsDir === null ? null : path.join(modelsDir, DEFAULT_MODEL_MANIFEST);
}

export async function openSynthesisModel(
  manifestPath: string,
  options: InferenceServiceOptions = {},
): Promise<{ model: VerifiedModel; inference: InferenceService }> {
  const model = await loadVerifiedModel(manifestPath);
  const inference = await InferenceService.open(model.onnxPath, options);
  return { model, inference };
}
