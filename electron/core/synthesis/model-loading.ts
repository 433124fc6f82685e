/**
 * The model stack, opened in one place for the app, the browser host, the CLI and the
 * benchmarks: the base synthesis network (required) and the optional full-resolution refiner
 * found beside it, with the same provider, thread and worker options for both and one status
 * line per model.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InferenceService, type InferenceServiceOptions } from '../inference/inference-service';
import {
  loadVerifiedModel,
  type RefinerManifest,
  type SynthesisManifest,
  type VerifiedModel,
} from '../inference/model-manifest';
import { DEFAULT_MODEL_MANIFEST, DEFAULT_REFINER_MANIFEST } from '../models/models-dir';
import { inFaceShopWords } from '../failure-words';
import { TiledRefiner } from './refiner-stage';
import { Synthesizer } from './synthesizer';

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

export interface ModelStackOptions extends InferenceServiceOptions {
  /**
   * The refiner: `'auto'` (the default) opens `refiner.json` beside the base model's manifest
   * when it is there; `'off'` never opens one; a path names a refiner manifest.
   */
  readonly refiner?: string;
}

export interface ModelStack {
  readonly synthesizer: Synthesizer;
  readonly base: VerifiedModel<SynthesisManifest>;
  readonly refiner: VerifiedModel<RefinerManifest> | null;
  /** Where the base network runs, and why (the execution provider's line). */
  readonly providerMessage: string;
  /** Why no refiner runs, when none does; null when one runs. */
  readonly refinerNote: string | null;
  /** One line per model, for the status bar, About and the CLI's progress. */
  readonly statusLines: readonly string[];
  dispose(): Promise<void>;
}

/**
 * Opens the base network (a failure is the clear error it always was) and then the refiner;
 * a missing or damaged refiner never fails the stack: edits run without it and say why.
 */
export async function openModelStack(
  manifestPath: string,
  options: ModelStackOptions = {},
): Promise<ModelStack> {
  const { refiner: refinerOption = 'auto', ...inferenceOptions } = options;
  const base = await loadVerifiedModel(manifestPath);
  const inference = await InferenceService.open(base.onnxPath, inferenceOptions);
  let refiner: VerifiedModel<RefinerManifest> | null = null;
  let refinerService: InferenceService | null = null;
  let refinerNote: string | null = null;
  const refinerManifest =
    refinerOption === 'off'
      ? null
      : refinerOption === 'auto'
        ? path.join(path.dirname(manifestPath), DEFAULT_REFINER_MANIFEST)
        : path.resolve(refinerOption);
  if (refinerManifest === null) {
    refinerNote = 'refiner off';
  } else if (
    refinerOption === 'auto' &&
    !(await stat(refinerManifest).then(
      (s) => s.isFile(),
      () => false,
    ))
  ) {
    refinerNote = 'no refiner installed';
  } else {
    try {
      refiner = await loadVerifiedModel(refinerManifest, 'refiner');
      const { warmup: _warmup, ...refinerOptions } = inferenceOptions;
      void _warmup;
      refinerService = await InferenceService.open(refiner.onnxPath, refinerOptions);
    } catch (error) {
      refiner = null;
      refinerNote = `refiner unavailable (${inFaceShopWords(error).message.replace(/\.$/, '')}); edits run without it`;
    }
  }
  const synthesizer = new Synthesizer(
    inference,
    base.manifest.nativeResolution,
    refiner && refinerService ? new TiledRefiner(refinerService, refiner.manifest) : null,
  );
  const providerMessage = inference.info.providerMessage;
  const statusLines = [
    `${base.manifest.name} ${base.manifest.version} on ${providerMessage}`,
    refiner
      ? `refiner ${refiner.manifest.name} ${refiner.manifest.version}`
      : (refinerNote as string),
  ];
  return {
    synthesizer,
    base,
    refiner,
    providerMessage,
    refinerNote,
    statusLines,
    async dispose() {
      await inference.dispose();
      await refinerService?.dispose();
    },
  };
}
