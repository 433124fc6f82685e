/** `faceshop render <project.faceshop> -o <out>`: a saved project's edit at full resolution. */
import path from 'node:path';
import { FaceRolls } from '../../faces/face-roll';
import { findModelsDir } from '../../models/models-dir';
import { ProjectFileError } from '../../project/project-file-error';
import { readProjectFile } from '../../project/read-project-file';
import { manifestPathFor, openModelStack, type ModelStack } from '../../synthesis/model-loading';
import { RenderInputError, renderProject } from '../../synthesis/render-project';
import { PhotoReadError } from '../../synthesis/photo-source';
import type { Synthesizer } from '../../synthesis/synthesizer';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-command';
import {
  parseCommandLine,
  parseImageOutput,
  parseIntegerOption,
  writeOutputFile,
} from '../command-line';

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Render a saved project (.faceshop) to a photo at full resolution',
  usage: [
    'Usage: faceshop render <project.faceshop> -o <out> [--quality Q] [--model <file>]',
    '',
    "  -o         output file: .png, .jpg, .tif or .webp; the photo's full size",
    '  --quality  JPEG or lossy-WebP quality 1–100 (PNG/TIFF are lossless; WebP without it too)',
    '  --model    a model manifest (.json) or its .onnx (default: models/faceshop-256.json)',
    '',
    "The project's mask, sketch, color, iris and pasted-region layers are synthesized with the",
    'saved seed and pasted back with a feathered mask; outside it the output is identical to',
    "the project's photo. A project without mask paint renders as its photo.",
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      output: { type: 'string', short: 'o' },
      quality: { type: 'string' },
      model: { type: 'string' },
      threads: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliUsageError('render takes exactly one project');
    const { outPath, exportOptions } = parseImageOutput(values.output, values.quality, io.cwd);
    const threads =
      values.threads === undefined
        ? undefined
        : parseIntegerOption(values.threads, 'threads', 2, 1, 64);
    const projectPath = path.resolve(io.cwd, positionals[0] as string);

    let project;
    try {
      project = await readProjectFile(
        { kind: 'file', path: projectPath },
        path.basename(projectPath),
      );
    } catch (error) {
      if (error instanceof ProjectFileError) {
        io.err(`faceshop render: ${error.message}`);
        return EXIT_FAILURE;
      }
      io.err(`faceshop render: cannot read ${projectPath}`);
      return EXIT_FAILURE;
    }
    for (const warning of project.warnings) io.err(`warning: ${warning.message}`);
    const { document } = project;
    const photo = project.assets.get(document.photo.assetId);
    if (photo === undefined) {
      io.err(`faceshop render: the project's photo is missing`);
      return EXIT_FAILURE;
    }

    let stack: ModelStack | null = null;
    // The head's roll in the work area, measured as the app measures it (so a render shows
    // what the app would); made with the model, only when there is something to synthesize.
    let rolls: FaceRolls | null = null;
    const synthesizer = async (): Promise<Synthesizer> => {
      const manifest = manifestPathFor(
        values.model === undefined ? undefined : path.resolve(io.cwd, values.model),
        findModelsDir(import.meta.dirname),
      );
      if (manifest === null) {
        throw new RenderInputError('no model found (pass --model or set FACESHOP_MODELS_DIR)');
      }
      io.err('loading model…');
      const opened = await openModelStack(manifest, threads === undefined ? {} : { threads });
      stack = opened;
      rolls = new FaceRolls(path.dirname(manifest), (line) => io.err(line));
      for (const line of opened.statusLines) io.err(line);
      return opened.synthesizer;
    };
    try {
      const result = await renderProject(
        {
          document,
          photo: photo.bytes,
          photoLabel: photo.record.fileName ?? path.basename(projectPath),
          synthesizer,
          export: exportOptions,
          rollFor: async (area) => rolls?.rollFor({ key: 'project', bytes: photo.bytes }, area),
        },
        (line) => io.err(line),
      );
      await writeOutputFile(outPath, result.bytes);
      io.err(
        `wrote ${outPath} (${result.width}×${result.height}; ${result.synthesized ? `${result.changedPixels} pixels changed` : 'the photo as saved'})`,
      );
      return EXIT_OK;
    } catch (error) {
      if (error instanceof RenderInputError || error instanceof PhotoReadError) {
        io.err(`faceshop render: ${error.message}`);
        return EXIT_FAILURE;
      }
      throw error;
    } finally {
      await (rolls as FaceRolls | null)?.dispose();
      await (stack as ModelStack | null)?.dispose();
    }
  },
};
