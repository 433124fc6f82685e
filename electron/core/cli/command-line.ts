/** Shared command-line parsing for the CLI's commands: node's parseArgs, usage errors as CliUsageError. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { inFaceShopWords } from '../failure-words';
import { findModelsDir } from '../models/models-dir';
import { replaceFileAtomically } from '../project/atomic-replace';
import { manifestPathFor, openModelStack, type ModelStack } from '../synthesis/model-loading';
import type { CliIo } from './cli-command';
import { formatFromPath, type ExportOptions } from '../synthesis/export-photo';
import { CliUsageError } from './cli-command';

export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseIntegerOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min = -Infinity,
  max = Infinity,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliUsageError(
      `--${name} must be a whole number${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}`,
    );
  }
  return n;
}

/** "x,y,size" in photo pixels. */
export function parseWorkAreaOption(
  value: string | undefined,
): { x: number; y: number; size: number } | null {
  if (value === undefined) return null;
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 3 || !parts.every(Number.isInteger)) {
    throw new CliUsageError(
      '--work-area must be x,y,size in whole photo pixels, e.g. 1200,800,1500',
    );
  }
  const [x, y, size] = parts as [number, number, number];
  return { x, y, size };
}

/** Where an image command writes and how: `-o`'s format from its extension, `--quality`. */
export function parseImageOutput(
  output: string | undefined,
  quality: string | undefined,
  cwd: string,
): { outPath: string; exportOptions: ExportOptions } {
  if (!output) throw new CliUsageError('-o <out> is required');
  const outPath = path.resolve(cwd, output);
  const format = formatFromPath(outPath);
  if (format === null) {
    throw new CliUsageError('the output must end in .png, .jpg, .jpeg, .tif, .tiff or .webp');
  }
  const exportOptions: ExportOptions =
    quality === undefined
      ? { format }
      : { format, quality: parseIntegerOption(quality, 'quality', 95, 1, 100) };
  return { outPath, exportOptions };
}

/**
 * Writes a command's output the way the app saves: a uniquely named temporary file created
 * exclusively (never through a planted link), flushed, checked, then renamed over the target;
 * a failure leaves an existing file unchanged and says so in one sentence.
 */
export async function writeOutputFile(outPath: string, bytes: Uint8Array): Promise<void> {
  await replaceFileAtomically(outPath, {
    what: 'the output',
    content: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    verify: async (written) => {
      const { size } = await stat(written);
      if (size !== bytes.byteLength)
        throw new Error(`${size} of ${bytes.byteLength} bytes written`);
    },
  });
}

/** `--detail transfer|off` and `--refine on|off`: the full-resolution finish stages. */
export function parseFinishOptions(values: {
  readonly detail?: string | undefined;
  readonly refine?: string | undefined;
}): { detail: 'transfer' | 'off'; refine: 'on' | 'off' } {
  const detail = values.detail ?? 'transfer';
  if (detail !== 'transfer' && detail !== 'off')
    throw new CliUsageError(`--detail must be transfer or off, not ${detail}`);
  const refine = values.refine ?? 'on';
  if (refine !== 'on' && refine !== 'off')
    throw new CliUsageError(`--refine must be on or off, not ${refine}`);
  return { detail, refine };
}

/** The usage lines of the finish stages' options, the same in every command that has them. */
export const FINISH_USAGE = [
  "  --detail     transfer (default): the photo's own fine detail (grain, pores) carried into",
  '               the edit at full resolution; off: the network output upsampled alone',
  '  --refine     on (default): the learned refiner redraws the upsampled edit at full',
  '               resolution when one is installed; off: skip it',
];

/**
 * The model stack for a command: `--model` or the installed one (and the refiner beside it
 * unless `--refine off`), opened with `--threads`, with the progress lines every command
 * prints ("loading model…", then one line per model); null after printing a one-line reason
 * when there is no base model or it does not open.
 */
export async function openCommandModel(
  command: string,
  modelOption: string | undefined,
  threads: number | undefined,
  io: CliIo,
  refine: 'on' | 'off' = 'on',
): Promise<{ manifest: string; stack: ModelStack } | null> {
  const manifest = manifestPathFor(
    modelOption === undefined ? undefined : path.resolve(io.cwd, modelOption),
    findModelsDir(import.meta.dirname),
  );
  if (manifest === null) {
    io.err(`faceshop ${command}: no model found (pass --model or set FACESHOP_MODELS_DIR)`);
    return null;
  }
  io.err('loading model…');
  try {
    const stack = await openModelStack(manifest, {
      ...(threads === undefined ? {} : { threads }),
      refiner: refine === 'off' ? 'off' : 'auto',
    });
    for (const line of stack.statusLines) io.err(line);
    return { manifest, stack };
  } catch (error) {
    io.err(`faceshop ${command}: ${inFaceShopWords(error).message}`);
    return null;
  }
}
