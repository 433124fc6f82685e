/**
 * Loads a model through its manifest (DESIGN.md contract 1) and verifies the ONNX file's
 * sha256 before anything hands it to onnxruntime: a truncated download or a swapped file
 * must give a clear message, never a native crash or silently wrong pictures.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const ShapeSchema = z.array(z.union([z.number().int(), z.string()]));

export const ModelManifestSchema = z.looseObject({
  name: z.string().min(1),
  version: z.string().min(1),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  // Bounded: every synthesis allocates nativeResolution² planes (100000 hung at 4.9 GB).
  nativeResolution: z.number().int().min(16).max(2048),
  stride: z.number().int().positive().max(256),
  inputs: z.record(z.string(), ShapeSchema),
  output: z.record(z.string(), ShapeSchema),
  parameters: z.number().int().positive().optional(),
  training: z.looseObject({}).optional(),
  metrics: z.looseObject({}).optional(),
});
export type ModelManifest = z.infer<typeof ModelManifestSchema>;

export const SYNTHESIS_INPUTS = ['image', 'mask', 'sketch', 'color', 'noise'] as const;

export type ModelLoadErrorCode = 'model-not-installed' | 'model-invalid' | 'model-corrupt';

export class ModelLoadError extends Error {
  constructor(
    readonly code: ModelLoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

export interface VerifiedModel {
  readonly manifest: ModelManifest;
  readonly onnxPath: string;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads `<modelsDir>/<name>.json`, checks it, and checks the ONNX file it names. */
export async function loadVerifiedModel(manifestPath: string): Promise<VerifiedModel> {
  const name = path.basename(manifestPath);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch {
    throw new ModelLoadError(
      'model-not-installed',
      `Model not installed: ${manifestPath} was not found.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ModelLoadError('model-invalid', `Model manifest ${name} is not valid JSON.`);
  }
  const parsed = ModelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue
      ? `${issue.path.join('.') || 'manifest'}: ${issue.message}`
      : 'unknown problem';
    throw new ModelLoadError('model-invalid', `Model manifest ${name} is malformed (${where}).`);
  }
  const manifest = parsed.data;
  const missing = SYNTHESIS_INPUTS.filter((input) => !(input in manifest.inputs));
  if (missing.length > 0 || !('output' in manifest.output)) {
    throw new ModelLoadError(
      'model-invalid',
      `Model ${manifest.name} does not have FaceShop's inputs and output (missing: ${[...missing, ...('output' in manifest.output ? [] : ['output'])].join(', ')}).`,
    );
  }
  if (path.basename(manifest.file) !== manifest.file) {
    throw new ModelLoadError(
      'model-invalid',
      `Model manifest ${name} names a file outside its folder.`,
    );
  }
  const onnxPath = path.join(path.dirname(manifestPath), manifest.file);
  const isFile = await stat(onnxPath).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    throw new ModelLoadError(
      'model-not-installed',
      `Model file ${manifest.file} is missing beside ${name}.`,
    );
  }
  const digest = await sha256OfFile(onnxPath);
  if (digest !== manifest.sha256) {
    throw new ModelLoadError(
      'model-corrupt',
      `Model file ${manifest.file} is damaged or not the one its manifest describes (checksum mismatch). Reinstall FaceShop or restore the file.`,
    );
  }
  return { manifest, onnxPath };
}
