/** `faceshop info <photo>`: what FaceShop sees in a photo file, through the same decoder as the app. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPhoto } from '../../photos/open-photo';
import { PhotoStore } from '../../photos/photo-store';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Show the size, format and metadata of a photo as FaceShop reads it',
  usage: [
    'Usage: faceshop info <photo> [--json]',
    '',
    'Decodes the photo as the app does (EXIF orientation applied, size limits enforced) and',
    'prints what it found. With --json, prints one JSON object to stdout.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args);
    const photoArg = positionals[0];
    if (photoArg === undefined || positionals.length > 1) {
      throw new CliUsageError('info takes exactly one photo');
    }
    const opened = await openPhoto(
      { source: 'path', path: path.resolve(io.cwd, photoArg) },
      new PhotoStore(1),
    );
    if (!opened.ok) {
      io.err(`faceshop info: ${opened.error.message}`);
      return EXIT_FAILURE;
    }
    const { info } = opened.value;
    if (values.json) {
      io.out(JSON.stringify(info));
    } else {
      io.out(`${info.fileName}: ${info.format.toUpperCase()}, ${info.width} × ${info.height} px`);
      io.out(
        `orientation ${info.orientation}, alpha ${yesNo(info.hasAlpha)}, ICC profile ${yesNo(info.hasIccProfile)}, EXIF ${yesNo(info.hasExif)}`,
      );
    }
    return EXIT_OK;
  },
};

function parseCommandLine(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
