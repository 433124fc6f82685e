/**
 * `faceshop paste <target> --source <photo> --region <part|x,y,w,h> -o <out>`: smart copy-paste
 * from the command line. The region of the source becomes sketch and colour strokes (never
 * pixels), is placed on the target, and the network renders it in the target's lighting.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEmptyDocument } from '../../../../shared/document/create-document';
import type { FaceDocument } from '../../../../shared/document/document';
import { clampWorkArea, defaultWorkArea } from '../../../../shared/document/work-area';
import { FACE_PART_NAMES, type FacePartName } from '../../../../shared/paste/face-parts';
import type { PasteSelection } from '../../../../shared/paste/paste-api';
import { selectionPolygon } from '../../../../shared/paste/paste-selection';
import { FaceLocator } from '../../faces/face-locator';
import { primaryFace, workAreaForFace } from '../../faces/face-work-area';
import { findModelsDir } from '../../models/models-dir';
import { snapPlacement } from '../../paste/paste-placement';
import { regionToStrokes } from '../../paste/region-to-strokes';
import { SketchDomain } from '../../sketch/sketch-domain';
import { manifestPathFor, openModelStack } from '../../synthesis/model-loading';
import { photoSourceFromBytes } from '../../synthesis/photo-source';
import { renderDocument } from '../../synthesis/render-document';
import { checkWorkArea } from '../../synthesis/work-area';
import { CliUsageError, EXIT_FAILURE, EXIT_OK, type CliCommand } from '../cli-command';
import {
  parseCommandLine,
  parseImageOutput,
  parseIntegerOption,
  parseWorkAreaOption,
  writeOutputFile,
} from '../command-line';

function parseNumbers(value: string, count: number, name: string, example: string): number[] {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== count || !parts.every(Number.isFinite))
    throw new CliUsageError(`--${name} must be ${example}`);
  return parts;
}

export const pasteCommand: CliCommand = {
  name: 'paste',
  summary: 'Transplant a feature from another face through the sketch domain (smart copy-paste)',
  usage: [
    'Usage: faceshop paste <target> --source <photo> --region <part|x,y,w,h> -o <out>',
    '                      [--source-area x,y,size] [--target-area x,y,size]',
    '                      [--to x,y,scale,angle] [--seed N] [--model <file>] [--quality Q]',
    '',
    `  --region       a face part (${FACE_PART_NAMES.join(', ')}) placed from the source's work`,
    '                 area, or a rectangle x,y,w,h in source pixels',
    '  --source-area  the square framing the source face (default: the detected face, else',
    "                 centred, the photo's short side)",
    '  --target-area  the square framing the target face (default: the same rule)',
    "  --to           where the region's centre goes on the target, its scale and angle in degrees",
    "                 (default: the same place relative to the target's work area)",
    '  -o             .png, .jpg, .tif or .webp; identical to the target outside the pasted mask',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, {
      source: { type: 'string' },
      region: { type: 'string' },
      'source-area': { type: 'string' },
      'target-area': { type: 'string' },
      to: { type: 'string' },
      seed: { type: 'string' },
      model: { type: 'string' },
      quality: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (positionals.length !== 1) throw new CliUsageError('paste takes exactly one target photo');
    if (!values.source) throw new CliUsageError('--source <photo> is required');
    if (!values.region) throw new CliUsageError('--region <part|x,y,w,h> is required');
    const resolve = (p: string): string => path.resolve(io.cwd, p);
    const { outPath, exportOptions } = parseImageOutput(values.output, values.quality, io.cwd);
    const seed = parseIntegerOption(values.seed, 'seed', 0, 0, 2 ** 32 - 1);

    const targetPath = resolve(positionals[0] as string);
    const sourcePath = resolve(values.source);
    const [targetBytes, sourceBytes] = await Promise.all(
      [targetPath, sourcePath].map((p) =>
        readFile(p).catch(() => {
          throw new Error(`cannot read ${p}`);
        }),
      ),
    );
    const target = await photoSourceFromBytes(
      targetPath,
      targetBytes as Buffer,
      path.basename(targetPath),
    );
    const source = await photoSourceFromBytes(
      sourcePath,
      sourceBytes as Buffer,
      path.basename(sourcePath),
    );
    const modelsDir = findModelsDir(import.meta.dirname);
    // Presets are placed from the work areas, so without --source-area/--target-area each face
    // is framed by the face detector the way the network was trained; without a face (or the
    // detector), the largest centred square.
    const locator = modelsDir === null ? null : new FaceLocator(modelsDir, (line) => io.err(line));
    const areaOf = async (
      option: string | undefined,
      photo: { width: number; height: number; key: string },
      bytes: Uint8Array,
    ) => {
      const ref = { assetId: 'photo', width: photo.width, height: photo.height };
      let area = parseWorkAreaOption(option);
      if (area === null) {
        const face = primaryFace((await locator?.findFaces(bytes)) ?? []);
        area = face ? clampWorkArea(workAreaForFace(face), ref) : defaultWorkArea(ref);
        io.err(
          `${path.basename(photo.key)}: work area ${area.x},${area.y},${area.size}${face ? ' (detected face)' : ''}`,
        );
      }
      const problem = checkWorkArea(area, photo.width, photo.height);
      if (problem !== null) throw new CliUsageError(`${path.basename(photo.key)}: ${problem}`);
      return area;
    };
    let sourceArea;
    let targetArea;
    try {
      sourceArea = await areaOf(values['source-area'], source, sourceBytes as Buffer);
      targetArea = await areaOf(values['target-area'], target, targetBytes as Buffer);
    } finally {
      await locator?.dispose();
    }
    const part = (FACE_PART_NAMES as readonly string[]).includes(values.region)
      ? (values.region as FacePartName)
      : null;
    // The same outlines as the app's source panel: a part's ellipse, a rectangle's rounded corners.
    const selection: PasteSelection = part
      ? { kind: 'face-part', part }
      : (() => {
          const [x, y, w, h] = parseNumbers(
            values.region,
            4,
            'region',
            'a face part or x,y,w,h',
          ) as [number, number, number, number];
          if (w <= 0 || h <= 0)
            throw new CliUsageError('--region needs a positive width and height');
          return { kind: 'rectangle', x, y, width: w, height: h };
        })();

    const manifest = manifestPathFor(
      values.model === undefined ? undefined : resolve(values.model),
      modelsDir,
    );
    if (manifest === null || modelsDir === null) {
      io.err('faceshop paste: no models folder found (pass --model or set FACESHOP_MODELS_DIR)');
      return EXIT_FAILURE;
    }
    io.err('converting the source region to strokes…');
    const sketcher = await SketchDomain.open(modelsDir);
    let converted;
    try {
      converted = await regionToStrokes(
        sketcher,
        source,
        sourceArea,
        selectionPolygon(selection, sourceArea),
        // Colours relit to the target's light at the default place (where --to is absent).
        { relightTo: { source: target, area: targetArea } },
      );
    } finally {
      await sketcher.dispose();
    }
    const { channels } = converted;
    io.err(
      `${channels.sketch.length} line strokes, ${channels.color.length} colour strokes, ${channels.mask.length} mask strokes`,
    );
    const transform = values.to
      ? (() => {
          const [x, y, scale, angle] = parseNumbers(values.to, 4, 'to', 'x,y,scale,angle') as [
            number,
            number,
            number,
            number,
          ];
          if (scale <= 0) throw new CliUsageError('--to needs a positive scale');
          return { x, y, scale, angle };
        })()
      : snapPlacement(converted.origin, sourceArea, targetArea);

    const base = createEmptyDocument(
      { assetId: 'target', width: target.width, height: target.height },
      seed,
    );
    const document: FaceDocument = {
      ...base,
      workArea: targetArea,
      layers: [
        ...base.layers,
        {
          id: 'pasted-1',
          name: 'Pasted region',
          kind: 'pasted-region',
          visible: true,
          opacity: 1,
          locked: false,
          sourceAssetId: 'source',
          channels,
          transform,
        },
      ],
    };

    io.err('loading model…');
    const stack = await openModelStack(manifest);
    for (const line of stack.statusLines) io.err(line);
    try {
      const synth = stack.synthesizer;
      const rendered = await renderDocument(
        synth,
        target,
        targetBytes as Buffer,
        document,
        exportOptions,
      );
      await writeOutputFile(outPath, rendered.bytes);
      io.err(`wrote ${outPath} (${rendered.region?.changedPixels ?? 0} pixels changed)`);
      return EXIT_OK;
    } finally {
      await stack.dispose();
    }
  },
};
