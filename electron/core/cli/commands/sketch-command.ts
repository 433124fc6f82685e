/** `faceshop sketch <photo> -o <sketch.png>`: the photo in the sketch domain (DESIGN.md contract 2). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findModelsDir, SKETCH_DOMAIN_FILE } from '../../models/models-dir';
import { SketchDomain, sketchPhotoFile } from '../../sketch/sketch-domain';
import { photoSourceFromBytes } from '../../synthesis/photo-source';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-command';
import { parseCommandLine, writeOutputFile } from '../command-line';

export const sketchCommand: CliCommand = {
  name: 'sketch',
  summary: 'Turn a photo into a line drawing (the sketch domain the network was trained on)',
  usage: [
    'Usage: faceshop sketch <photo> -o <sketch.png>',
    '',
    'Writes black lines on white, the same size as the photo. Lines are found at a working',
    'scale (long side 1024 px) with the graph the network was trained with',
    '(models/sketch-domain.onnx) and scaled back, so they keep their weight at any size.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length !== 1) throw new CliUsageError('sketch takes exactly one photo');
    if (!values.output) throw new CliUsageError('-o <sketch.png> is required');
    const photoPath = path.resolve(io.cwd, positionals[0] as string);
    const outPath = path.resolve(io.cwd, values.output);
    if (path.extname(outPath).toLowerCase() !== '.png')
      throw new CliUsageError('the sketch is written as PNG: name the output *.png');
    const modelsDir = findModelsDir(import.meta.dirname);
    if (modelsDir === null) {
      io.err(
        `faceshop sketch: ${SKETCH_DOMAIN_FILE} was not found (set FACESHOP_MODELS_DIR to the models folder)`,
      );
      return EXIT_FAILURE;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(photoPath);
    } catch {
      io.err(`faceshop sketch: cannot read ${photoPath}`);
      return EXIT_FAILURE;
    }
    await photoSourceFromBytes(photoPath, bytes, path.basename(photoPath)); // header and size checks
    const started = performance.now();
    const sketcher = await SketchDomain.open(modelsDir);
    try {
      const result = await sketchPhotoFile(sketcher, bytes, (line) => io.err(line));
      await writeOutputFile(outPath, result.png);
      const share = (100 * result.linePixels) / (result.width * result.height);
      io.err(
        `wrote ${outPath}: ${result.width}×${result.height}, ${share.toFixed(2)}% line pixels, ${Math.round(performance.now() - started)} ms`,
      );
      return EXIT_OK;
    } finally {
      await sketcher.dispose();
    }
  },
};
