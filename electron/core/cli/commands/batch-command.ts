/**
 * `faceshop batch <folder> -o <folder>`: many edits with the models loaded once. A folder of
 * photos, each with its guidance beside it under the same name (`portrait.jpg` with
 * `portrait.mask.png` and optionally `portrait.sketch.png`, `portrait.color.png`), and/or of
 * `.faceshop` projects. One line of progress per item, one failure never stops the rest, a
 * summary at the end; the exit code is 1 when anything failed.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FaceLocator } from '../../faces/face-locator';
import { FaceRolls } from '../../faces/face-roll';
import { workAreaForFace } from '../../faces/face-work-area';
import { inFaceShopWords } from '../../failure-words';
import { ProjectFileError } from '../../project/project-file-error';
import { readProjectFile } from '../../project/read-project-file';
import { editPhoto } from '../../synthesis/edit-photo';
import { formatFromPath, type ExportOptions } from '../../synthesis/export-photo';
import { checkPhotoDecodes } from '../../synthesis/photo-source';
import { renderProject } from '../../synthesis/render-project';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-command';
import {
  FINISH_USAGE,
  openCommandModel,
  parseFinishOptions,
  parseCommandLine,
  parseIntegerOption,
  writeOutputFile,
} from '../command-line';

const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp']);
const GUIDANCE = /\.(mask|sketch|color)\.png$/i;

export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'Edit a folder of photos (with masks beside them) or render a folder of projects',
  usage: [
    'Usage: faceshop batch <folder> -o <folder> [--format png|jpg|tif|webp] [--quality Q]',
    '                      [--seed N] [--detail transfer|off] [--refine on|off] [--model <file>]',
    '',
    '  <folder>     photos, each with <name>.mask.png beside it (white = the region to',
    '               regenerate) and optionally <name>.sketch.png and <name>.color.png, as for',
    '               `faceshop edit`; and/or .faceshop projects, as for `faceshop render`',
    '  -o           the folder the results go to, as <name>.<format>; it is created if needed',
    "  --format     the output format (default: each photo's own; projects: png)",
    '  --quality    JPEG or lossy-WebP quality 1–100',
    '  --seed       noise seed for the photos (default 0; projects keep their own)',
    ...FINISH_USAGE,
    '',
    'The models load once. A photo without a mask is skipped with a reason; one failure never',
    'stops the rest; the exit code is 1 when any item failed.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      quality: { type: 'string' },
      seed: { type: 'string' },
      detail: { type: 'string' },
      refine: { type: 'string' },
      model: { type: 'string' },
      threads: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliUsageError('batch takes exactly one folder');
    if (!values.output) throw new CliUsageError('-o <folder> is required');
    const format =
      values.format === undefined ? null : formatFromPath(`x.${values.format.toLowerCase()}`);
    if (values.format !== undefined && format === null)
      throw new CliUsageError('--format must be png, jpg, tif or webp');
    const quality =
      values.quality === undefined
        ? undefined
        : parseIntegerOption(values.quality, 'quality', 95, 1, 100);
    const seed = parseIntegerOption(values.seed, 'seed', 0, 0, 2 ** 32 - 1);
    const { detail, refine } = parseFinishOptions(values);
    const threads =
      values.threads === undefined
        ? undefined
        : parseIntegerOption(values.threads, 'threads', 2, 1, 64);
    const inDir = path.resolve(io.cwd, positionals[0] as string);
    const outDir = path.resolve(io.cwd, values.output);

    let names: string[];
    try {
      names = (await readdir(inDir)).sort();
    } catch {
      io.err(`faceshop batch: cannot read the folder ${inDir}`);
      return EXIT_FAILURE;
    }
    if (path.resolve(outDir) === path.resolve(inDir))
      throw new CliUsageError('-o must be another folder than the input: nothing is overwritten');
    const items = names.filter((name) => {
      const ext = path.extname(name).toLowerCase();
      return ext === '.faceshop' || (PHOTO_EXTENSIONS.has(ext) && !GUIDANCE.test(name));
    });
    if (items.length === 0) {
      io.err(`faceshop batch: no photos or projects in ${inDir}`);
      return EXIT_FAILURE;
    }
    try {
      const made = await stat(outDir).catch(() => null);
      if (made === null) await mkdir(outDir, { recursive: true });
      else if (!made.isDirectory()) throw new CliUsageError(`${outDir} is not a folder`);
    } catch (error) {
      if (error instanceof CliUsageError) throw error;
      io.err(`faceshop batch: cannot create the folder ${outDir}`);
      return EXIT_FAILURE;
    }

    const model = await openCommandModel('batch', values.model, threads, io, refine);
    if (model === null) return EXIT_FAILURE;
    const { manifest, stack } = model;
    const synth = stack.synthesizer;
    const locator = new FaceLocator(path.dirname(manifest), (line) => io.err(line));
    // The head's roll per item, from the same detector session (a tilted head is turned upright).
    const rolls = new FaceRolls(path.dirname(manifest), (line) => io.err(line), locator);
    const tally = { edited: 0, skipped: 0, failed: 0 };
    const started = performance.now();
    try {
      for (const [index, name] of items.entries()) {
        const t0 = performance.now();
        const tag = `[${index + 1}/${items.length}] ${name}`;
        const stem = name.slice(0, name.length - path.extname(name).length);
        const key = path.join(inDir, name);
        try {
          const ext = path.extname(name).toLowerCase();
          const options: ExportOptions = {
            format: format ?? (ext === '.faceshop' ? 'png' : (formatFromPath(name) ?? 'png')),
            ...(quality === undefined ? {} : { quality }),
          };
          const outPath = path.join(outDir, `${stem}.${extensionOf(options.format)}`);
          let bytes: Buffer;
          if (ext === '.faceshop') {
            const project = await readProjectFile(
              { kind: 'file', path: path.join(inDir, name) },
              name,
            );
            const photo = project.assets.get(project.document.photo.assetId);
            if (!photo) throw new Error("the project's photo is missing");
            bytes = (
              await renderProject({
                document: project.document,
                photo: photo.bytes,
                photoLabel: photo.record.fileName ?? name,
                synthesizer: () => Promise.resolve(synth),
                export: options,
                rollFor: (area) => rolls.rollFor({ key, bytes: photo.bytes }, area),
              })
            ).bytes;
          } else {
            const mask = path.join(inDir, `${stem}.mask.png`);
            if (!(await stat(mask).catch(() => null))) {
              io.err(`${tag}: skipped — no ${stem}.mask.png beside it`);
              tally.skipped++;
              continue;
            }
            const photo = await readFile(path.join(inDir, name));
            await checkPhotoDecodes(photo, `“${name}”`);
            const beside = async (kind: string) => {
              const file = path.join(inDir, `${stem}.${kind}.png`);
              return (await stat(file).catch(() => null)) ? file : undefined;
            };
            const sketch = await beside('sketch');
            const color = await beside('color');
            const faces = await locator.findFaces(photo);
            bytes = (
              await editPhoto(synth, {
                photo,
                photoLabel: name,
                guidance: { mask, ...(sketch ? { sketch } : {}), ...(color ? { color } : {}) },
                seed,
                workArea: null,
                faceAreas: faces.map(workAreaForFace),
                export: options,
                detail,
                refine,
                rollFor: (area) => rolls.rollFor({ key, bytes: photo }, area, faces),
              })
            ).bytes;
          }
          await writeOutputFile(outPath, bytes);
          tally.edited++;
          io.err(`${tag}: wrote ${path.basename(outPath)} (${seconds(performance.now() - t0)})`);
        } catch (error) {
          tally.failed++;
          const message =
            error instanceof ProjectFileError
              ? error.message
              : inFaceShopWords(error, `“${name}”`).message;
          io.err(`${tag}: failed — ${message}`);
        } finally {
          rolls.forget(key);
        }
      }
    } finally {
      await rolls.dispose();
      await locator.dispose();
      await stack.dispose();
    }
    const summary = `${items.length} item${items.length === 1 ? '' : 's'} in ${seconds(performance.now() - started)}: ${tally.edited} written, ${tally.skipped} skipped, ${tally.failed} failed`;
    io.err(summary);
    io.out(summary);
    return tally.failed > 0 ? EXIT_FAILURE : EXIT_OK;
  },
};

function extensionOf(format: ExportOptions['format']): string {
  return { png: 'png', jpeg: 'jpg', tiff: 'tif', webp: 'webp' }[format];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
