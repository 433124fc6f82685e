/** Shared command-line parsing for the CLI's commands: node's parseArgs, usage errors as CliUsageError. */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/** Writes beside the target and renames over it: a failed run never leaves half a file. */
export async function writeOutputFile(outPath: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, outPath);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
