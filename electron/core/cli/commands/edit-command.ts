/** `faceshop edit <photo> --mask <mask.png> …`: one sketch-guided edit of a photo file (DESIGN.md contract 2). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DetectedFace } from '../../faces/face-detector';
import { FaceLocator } from '../../faces/face-locator';
import { FaceRolls } from '../../faces/face-roll';
import { workAreaForFace } from '../../faces/face-work-area';
import { EditInputError, editPhoto } from '../../synthesis/edit-photo';
import type { WorkArea } from '../../synthesis/work-area';
import { checkPhotoDecodes, photoSourceFromBytes } from '../../synthesis/photo-source';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-command';
import {
  FINISH_USAGE,
  openCommandModel,
  parseFinishOptions,
  parseCommandLine,
  parseImageOutput,
  parseIntegerOption,
  parseWorkAreaOption,
  writeOutputFile,
} from '../command-line';

export const editCommand: CliCommand = {
  name: 'edit',
  summary: 'Re-synthesize the masked part of a photo, guided by a sketch and colour strokes',
  usage: [
    'Usage: faceshop edit <photo> --mask <mask.png> [--sketch <s.png>] [--color <c.png>]',
    '                     [--seed N] [--work-area x,y,size] [--model <file>] [--quality Q]',
    '                     [--detail transfer|off] [--refine on|off] -o <out>',
    '',
    '  --mask       white (or opaque) = the region to regenerate; same size as the photo',
    '  --sketch     dark lines on white or on transparent, where edges should be',
    '  --color      RGBA, opaque where colour strokes are',
    '  --seed       noise seed: the same seed gives the same result (default 0)',
    '  --work-area  the square the network sees, in photo pixels (default: a face-sized',
    '               square centred on the mask)',
    '  --model      a model manifest (.json) or its .onnx (default: models/faceshop-256.json)',
    '  --quality    JPEG or lossy-WebP quality 1–100 (PNG/TIFF are lossless; WebP without it too)',
    ...FINISH_USAGE,
    "  -o           output file: .png, .jpg, .tif or .webp; the photo's size, identical to it",
    '               outside the (feathered) mask',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      mask: { type: 'string' },
      sketch: { type: 'string' },
      color: { type: 'string' },
      seed: { type: 'string' },
      'work-area': { type: 'string' },
      model: { type: 'string' },
      quality: { type: 'string' },
      threads: { type: 'string' },
      detail: { type: 'string' },
      refine: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length !== 1) throw new CliUsageError('edit takes exactly one photo');
    if (!values.mask) throw new CliUsageError('--mask <mask.png> is required');
    const { outPath, exportOptions } = parseImageOutput(values.output, values.quality, io.cwd);
    const seed = parseIntegerOption(values.seed, 'seed', 0, 0, 2 ** 32 - 1);
    const threads =
      values.threads === undefined
        ? undefined
        : parseIntegerOption(values.threads, 'threads', 2, 1, 64);
    const workArea = parseWorkAreaOption(values['work-area']);
    const { detail, refine } = parseFinishOptions(values);
    const resolve = (p: string): string => path.resolve(io.cwd, p);

    const photoPath = resolve(positionals[0] as string);
    let photo: Buffer;
    try {
      photo = await readFile(photoPath);
    } catch {
      io.err(`faceshop edit: cannot read ${photoPath}`);
      return EXIT_FAILURE;
    }
    // The photo is checked before anything slow is loaded for it.
    try {
      await photoSourceFromBytes(path.basename(photoPath), photo, path.basename(photoPath));
      await checkPhotoDecodes(photo, `“${path.basename(photoPath)}”`);
    } catch (error) {
      io.err(`faceshop edit: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_FAILURE;
    }
    const model = await openCommandModel('edit', values.model, threads, io, refine);
    if (model === null) return EXIT_FAILURE;
    const { manifest, stack } = model;
    let faceAreas: WorkArea[] = [];
    // A detection problem only costs the framing and the turn for a tilted head.
    const locator = new FaceLocator(path.dirname(manifest), (line) => io.err(line));
    const rolls = new FaceRolls(path.dirname(manifest), (line) => io.err(line), locator);
    let faces: DetectedFace[] | undefined;
    if (workArea === null) {
      // Frame the face the way the network was trained.
      faces = await locator.findFaces(photo);
      faceAreas = faces.map(workAreaForFace);
      io.err(`found ${faces.length} face${faces.length === 1 ? '' : 's'}`);
    }
    const synth = stack.synthesizer;
    try {
      const result = await editPhoto(
        synth,
        {
          photo,
          photoLabel: path.basename(photoPath),
          guidance: {
            mask: resolve(values.mask),
            ...(values.sketch ? { sketch: resolve(values.sketch) } : {}),
            ...(values.color ? { color: resolve(values.color) } : {}),
          },
          seed,
          workArea,
          faceAreas,
          export: exportOptions,
          detail,
          refine,
          // The roll of the face in the work area, from the same detection.
          rollFor: (area) => rolls.rollFor({ key: photoPath, bytes: photo }, area, faces),
        },
        (line) => io.err(line),
      );
      await writeOutputFile(outPath, result.bytes);
      const ms = Object.entries(result.timings)
        .map(([k, v]) => `${k} ${Math.round(v)} ms`)
        .join(', ');
      io.err(
        `wrote ${outPath} (${result.width}×${result.height}; ${result.region.changedPixels} pixels changed; ${ms})`,
      );
      return EXIT_OK;
    } catch (error) {
      if (error instanceof EditInputError) {
        io.err(`faceshop edit: ${error.message}`);
        return EXIT_FAILURE;
      }
      throw error;
    } finally {
      await rolls.dispose();
      await locator.dispose();
      await stack.dispose();
    }
  },
};
