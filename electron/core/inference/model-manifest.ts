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

/** What a model does in the pipeline; each role has its own inputs and fields. */
export const MODEL_ROLES = ['synthesis', 'refiner'] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

const CommonFields = {
  name: z.string().min(1),
  version: z.string().min(1),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  inputs: z.record(z.string(), ShapeSchema),
  output: z.record(z.string(), ShapeSchema),
  parameters: z.number().int().positive().optional(),
  training: z.looseObject({}).optional(),
  metrics: z.looseObject({}).optional(),
};

/** The base network: a fixed square frame (the manifests before roles were all this one). */
export const SynthesisManifestSchema = z.looseObject({
  ...CommonFields,
  role: z.literal('synthesis').default('synthesis'),
  // Bounded: every synthesis allocates nativeResolution² planes (100000 hung at 4.9 GB).
  nativeResolution: z.number().int().min(16).max(2048),
  stride: z.number().int().positive().max(256),
});

/** The full-resolution refiner: fully convolutional, run in tiles whose sides are multiples. */
export const RefinerManifestSchema = z.looseObject({
  ...CommonFields,
  role: z.literal('refiner'),
  tileMultiple: z.number().int().positive().max(64),
  trainedImages: z.number().int().nonnegative().optional(),
});

export const ModelManifestSchema = z.discriminatedUnion('role', [
  SynthesisManifestSchema,
  RefinerManifestSchema,
]);
export type SynthesisManifest = z.infer<typeof SynthesisManifestSchema>;
export type RefinerManifest = z.infer<typeof RefinerManifestSchema>;
export type ModelManifest = SynthesisManifest | RefinerManifest;

export const SYNTHESIS_INPUTS = ['image', 'mask', 'sketch', 'color', 'noise'] as const;
export const REFINER_INPUTS = ['image', 'mask', 'sketch'] as const;
const ROLE_INPUTS: Readonly<Record<ModelRole, readonly string[]>> = {
  synthesis: SYNTHESIS_INPUTS,
  refiner: REFINER_INPUTS,
};
const ROLE_WORDS: Readonly<Record<ModelRole, string>> = {
  synthesis: 'synthesis network',
  refiner: 'refiner',
};

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

export interface VerifiedModel<M extends ModelManifest = ModelManifest> {
  readonly manifest: M;
  readonly onnxPath: string;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads `<modelsDir>/<name>.json` and checks it as a manifest of `role` (a manifest without a
 * `role` field is a synthesis network's) and that the ONNX file it names is there; the file's
 * checksum is left to `loadVerifiedModel` (the status line reads this at start-up, cheaply).
 */
export async function readModelManifest(
  manifestPath: string,
): Promise<VerifiedModel<SynthesisManifest>>;
export async function readModelManifest(
  manifestPath: string,
  role: 'refiner',
): Promise<VerifiedModel<RefinerManifest>>;
export async function readModelManifest(
  manifestPath: string,
  role?: ModelRole,
): Promise<VerifiedModel>;
export async function readModelManifest(
  manifestPath: string,
  role: ModelRole = 'synthesis',
): Promise<VerifiedModel> {
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
  const claimed =
    typeof json === 'object' && json !== null && 'role' in json ? json.role : 'synthesis';
  if (claimed !== role) {
    throw new ModelLoadError(
      'model-invalid',
      `Model manifest ${name} is ${typeof claimed === 'string' && claimed in ROLE_WORDS ? `a ${ROLE_WORDS[claimed as ModelRole]}` : 'of an unknown kind'}, not a ${ROLE_WORDS[role]}.`,
    );
  }
  const parsed = ModelManifestSchema.safeParse(
    role === 'synthesis' && !('role' in (json as object)) ? { ...(json as object), role } : json,
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue
      ? `${issue.path.join('.') || 'manifest'}: ${issue.message}`
      : 'unknown problem';
    throw new ModelLoadError('model-invalid', `Model manifest ${name} is malformed (${where}).`);
  }
  const manifest = parsed.data;
  const missing = ROLE_INPUTS[role].filter((input) => !(input in manifest.inputs));
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
  return { manifest, onnxPath };
}

/** `readModelManifest`, and the ONNX file's sha256 checked against the manifest's. */
export async function loadVerifiedModel(
  manifestPath: string,
): Promise<VerifiedModel<SynthesisManifest>>;
export async function loadVerifiedModel(
  manifestPath: string,
  role: 'refiner',
): Promise<VerifiedModel<RefinerManifest>>;
export async function loadVerifiedModel(
  manifestPath: string,
  role: ModelRole = 'synthesis',
): Promise<VerifiedModel> {
  const { manifest, onnxPath } = await readModelManifest(manifestPath, role);
  const digest = await sha256OfFile(onnxPath);
  if (digest !== manifest.sha256) {
    throw new ModelLoadError(
      'model-corrupt',
      `Model file ${manifest.file} is damaged or not the one its manifest describes (checksum mismatch). Reinstall FaceShop or restore the file.`,
    );
  }
  return { manifest, onnxPath };
}
