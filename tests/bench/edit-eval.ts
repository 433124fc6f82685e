/**
 * `npm run eval:edits`: edits of real studio portraits — not reconstructions — through the
 * product's own pipeline (the steps `faceshop edit` runs: face framing → guidance from images →
 * synthesis → finish, with the refiner and the detail stage as shipped), written to a run
 * folder that `models/training/eval_edits.py` scores (issue 16):
 *
 * - smile: each held-out London person's neutral photo edited towards their own smiling photo.
 *   `eval_edits.py prepare` (run first, from here) registers the smile onto the neutral photo on
 *   the upper face and writes the mouth mask (both mouths' outlines, grown) and colour strokes
 *   on the lips and teeth; the guidance sketch is the app's sketch domain of the registered
 *   smile, inside the mask. Known answer: the registered smile.
 * - handdrawn: each eye, the nose and the mouth (the detail eval's masks) of every held-out
 *   portrait with the photo's own lines (the sketch domain at the network's 256-px frame) redrawn
 *   as a person draws them: traced into strokes, resampled with a slow wobble of about 1 px,
 *   shifted, cut by gaps, overshooting their ends, drawn at the editor's pen width.
 * - variation: every edit a second time with another noise seed, as Variation does.
 *
 * FACESHOP_MODEL: a candidate generator (its .onnx or manifest) instead of
 * models/faceshop-256.json; FACESHOP_REFINER: a refiner manifest or 'off' (default: the
 * installed one, as the candidate would ship beside it). FACESHOP_EVAL_OUT: the run folder
 * (default: faceshop-edit-eval in the system's temp folder). FACESHOP_EVAL_ONLY=london/070_03,…
 * and FACESHOP_EVAL_PARTS=smile,mouth,…: a quicker run. Without `../shared/datasets/portraits`
 * it says so and stops.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { FaceLocator } from '../../electron/core/faces/face-locator';
import { workAreaForFace } from '../../electron/core/faces/face-work-area';
import { DEFAULT_REFINER_MANIFEST } from '../../electron/core/models/models-dir';
import {
  SketchDomain,
  sketchPhotoFile,
  type LineMap,
} from '../../electron/core/sketch/sketch-domain';
import { chooseWorkArea, planeBounds } from '../../electron/core/synthesis/edit-photo';
import {
  guidanceFromImages,
  readMaskPlane,
  SKETCH_LINE_WIDTH,
  type GuidanceImages,
} from '../../electron/core/synthesis/guidance';
import { manifestPathFor, openModelStack } from '../../electron/core/synthesis/model-loading';
import { cropPlane, type PastedRegion } from '../../electron/core/synthesis/paste-back';
import { finish } from '../../electron/core/synthesis/pipeline';
import { photoSourceFromBytes } from '../../electron/core/synthesis/photo-source';
import type { PhotoSource, Synthesizer } from '../../electron/core/synthesis/synthesizer';
import type { WorkArea } from '../../electron/core/synthesis/work-area';
import { MODELS_DIR, REPO_ROOT } from '../support/repo-paths';
import { handDrawn, seedOf, type Polyline } from './hand-drawn';
import { HELD_OUT_PORTRAITS, maskPng, parts, readTemplate, type Point } from './portrait-parts';

/**
 * The two noise seeds of every edit: the CLI's default, and one 32-bit seed as Variation draws
 * them (renderer/editor/commands/new-seed.ts: uniform in [0, 2³²)).
 */
const SEEDS = [0, 0x9e3779b9] as const;
const HAND_PARTS = ['eye-right', 'eye-left', 'nose', 'mouth'] as const;

const portraits =
  process.env['FACESHOP_PORTRAITS'] ??
  path.join(REPO_ROOT, '..', 'shared', 'datasets', 'portraits');
const outDir = process.env['FACESHOP_EVAL_OUT'] ?? path.join(tmpdir(), 'faceshop-edit-eval');
const only = process.env['FACESHOP_EVAL_ONLY']?.split(',');
const onlyParts = process.env['FACESHOP_EVAL_PARTS']?.split(',');
const python = process.env['FACESHOP_PYTHON'] ?? '/usr/bin/python3';
const wanted = (part: string): boolean => !onlyParts || onlyParts.includes(part);

/** Strokes (frame coordinates) drawn on a photo-sized white page at the editor's pen width. */
async function drawStrokes(
  strokes: readonly Polyline[],
  area: WorkArea,
  resolution: number,
  width: number,
  height: number,
): Promise<Buffer> {
  const scale = area.size / resolution;
  const toPhoto = ([x, y]: Point): string =>
    `${(area.x + (x + 0.5) * scale).toFixed(2)},${(area.y + (y + 0.5) * scale).toFixed(2)}`;
  const body = strokes
    .map((line) => `<polyline points="${line.map(toPhoto).join(' ')}"/>`)
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<g fill="none" stroke="black" stroke-width="${(SKETCH_LINE_WIDTH * scale).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round">${body}</g></svg>`;
  return sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).png().toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Planes and files

/** 1 where a black-on-white sketch image has a line. */
async function sketchLines(png: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const grey = await sharp(png).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer();
  if (grey.length !== width * height) throw new Error('sketch image size mismatch');
  return Uint8Array.from(grey, (v) => (v < 128 ? 1 : 0));
}

/** A sketch image with its lines kept only inside the mask (the lines a person draws there). */
async function clipSketch(
  png: Uint8Array,
  maskPlane: Uint8Array,
  width: number,
  height: number,
): Promise<Buffer> {
  const lines = await sketchLines(png, width, height);
  const grey = Buffer.from(lines.map((v, i) => (v && maskPlane[i] ? 0 : 255)));
  return sharp(grey, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

/** A full-size plane (0/1 or 0/255) cut to the region's window, as 0/255 PNG. */
function windowPng(plane: Uint8Array, width: number, region: PastedRegion): Promise<Buffer> {
  const out = Buffer.alloc(region.width * region.height);
  for (let y = 0; y < region.height; y++)
    for (let x = 0; x < region.width; x++)
      out[y * region.width + x] = plane[(y + region.top) * width + x + region.left] ? 255 : 0;
  return sharp(out, { raw: { width: region.width, height: region.height, channels: 1 } })
    .png()
    .toBuffer();
}

function framePng(plane: ArrayLike<number>, resolution: number, channels: 1 | 3): Promise<Buffer> {
  const bytes = Buffer.alloc(resolution * resolution * channels);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = channels === 1 ? ((plane[i] as number) > 0.5 ? 255 : 0) : (plane[i] as number);
  return sharp(bytes, { raw: { width: resolution, height: resolution, channels } })
    .png()
    .toBuffer();
}

const write = (name: string, bytes: Buffer): void => writeFileSync(path.join(outDir, name), bytes);

interface SmilePrepared {
  readonly name: string;
  readonly neutral: string;
  readonly real: string;
  readonly mask: string;
  readonly color: string;
  readonly ipd: number;
  readonly ecc: number;
  readonly upperFaceMad: number;
  readonly outline: string;
}

/**
 * One edit run as `faceshop edit` runs it — guidance from the images at the model's resolution,
 * the base network, then `finish` (the refiner and the detail stage, as installed) — once per
 * seed, with what the scorer needs written beside it.
 */
async function runEdit(
  synth: Synthesizer,
  photo: PhotoSource,
  maskPlane: Uint8Array,
  area: WorkArea,
  images: GuidanceImages,
  id: string,
): Promise<{ region: PastedRegion; ms: Record<string, number>; stages: string }> {
  const { width, height } = photo;
  const guidance = await guidanceFromImages(
    images,
    maskPlane,
    width,
    height,
    area,
    synth.resolution,
  );
  const plane = cropPlane(maskPlane, width, area, height);
  const ms: Record<string, number> = {};
  let first: PastedRegion | null = null;
  let stages = '';
  for (const [i, seed] of SEEDS.entries()) {
    const tag = i === 0 ? 'ours' : 'seed2';
    const t0 = performance.now();
    const output = await synth.synthesizeNow(photo, area, guidance, seed);
    const region = await finish(synth, photo, area, output, plane, {
      detail: 'transfer',
      refine: true,
    });
    ms[tag] = Math.round(performance.now() - t0);
    if (first && (first.left !== region.left || first.width !== region.width))
      throw new Error(`${id}: the two seeds' regions differ`);
    first ??= region;
    stages = `${region.refined}, ${region.detail}`;
    write(
      `${id}-${tag}.png`,
      await sharp(region.rgb, {
        raw: { width: region.width, height: region.height, channels: 3 },
      })
        .png()
        .toBuffer(),
    );
    write(`${id}-net-${tag}.png`, await framePng(output.rgb, output.resolution, 3));
    if (i === 0) {
      write(`${id}-net-mask.png`, await framePng(guidance.mask, output.resolution, 1));
      write(`${id}-net-sketch.png`, await framePng(output.sketch, output.resolution, 1));
    }
  }
  const region = first as PastedRegion;
  write(`${id}-mask.png`, await windowPng(maskPlane, width, region));
  const given = images.sketch
    ? await sketchLines(
        typeof images.sketch === 'string' ? await readFile(images.sketch) : images.sketch,
        width,
        height,
      )
    : new Uint8Array(width * height);
  write(`${id}-sketch.png`, await windowPng(given, width, region));
  return { region, ms, stages };
}

function regionOf(region: PastedRegion): object {
  return { left: region.left, top: region.top, width: region.width, height: region.height };
}

async function main(): Promise<void> {
  if (!existsSync(portraits)) {
    console.log(`eval:edits: skipped — no portraits at ${portraits} (set FACESHOP_PORTRAITS)`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  console.error(`eval:edits: run folder ${outDir}`);
  const names = only ?? HELD_OUT_PORTRAITS;
  const london = names.filter((n) => n.startsWith('london/'));
  let smiles: SmilePrepared[] = [];
  if (wanted('smile') && london.length > 0) {
    const script = path.join(REPO_ROOT, 'models', 'training', 'eval_edits.py');
    const args = [
      'prepare',
      '--run',
      outDir,
      '--portraits',
      portraits,
      '--names',
      london.join(','),
    ];
    const prep = spawnSync(python, [script, ...args], { stdio: 'inherit' });
    if (prep.status !== 0) throw new Error(`eval:edits: ${python} ${script} prepare failed`);
    smiles = JSON.parse(await readFile(path.join(outDir, 'smile.json'), 'utf8')) as SmilePrepared[];
  }

  const manifest = manifestPathFor(process.env['FACESHOP_MODEL'], MODELS_DIR) as string;
  const installedRefiner = path.join(MODELS_DIR, DEFAULT_REFINER_MANIFEST);
  const stack = await openModelStack(manifest, {
    threads: 2,
    refiner:
      process.env['FACESHOP_REFINER'] ?? (existsSync(installedRefiner) ? installedRefiner : 'off'),
  });
  for (const line of stack.statusLines) console.error(line);
  const synth = stack.synthesizer;
  const locator = new FaceLocator(MODELS_DIR, (line) => console.error(line));
  const sketcher = await SketchDomain.open(MODELS_DIR, 2);
  const cases: object[] = [];
  const common = { model: stack.statusLines[0], refiner: stack.statusLines[1], seeds: SEEDS };

  for (const name of names) {
    const file = path.join(portraits, `${name}.jpg`);
    const bytes = await readFile(file);
    const photo = await photoSourceFromBytes(name, bytes, name);
    const { width, height } = photo;
    const faceAreas = (await locator.findFaces(bytes)).map(workAreaForFace);
    const stem = name.replace('/', '-');

    const smile = smiles.find((s) => s.name === name);
    if (smile) {
      const t0 = performance.now();
      const maskBytes = await readFile(smile.mask);
      const maskPlane = await readMaskPlane(maskBytes, width, height);
      const { area, from } = chooseWorkArea(
        planeBounds(maskPlane, width)!,
        width,
        height,
        faceAreas,
      );
      // The sketch of the real smile, registered onto this photo, inside the mask.
      const smileSketch = (await sketchPhotoFile(sketcher, await readFile(smile.real))).png;
      const sketch = await clipSketch(smileSketch, maskPlane, width, height);
      const id = `${stem}-smile`;
      const images = { mask: maskBytes, sketch, color: await readFile(smile.color) };
      const done = await runEdit(synth, photo, maskPlane, area, images, id);
      const entry = {
        id,
        kind: 'smile',
        part: 'mouth',
        photo: file,
        real: smile.real,
        color: smile.color,
        ipd: smile.ipd,
        ecc: smile.ecc,
        upperFaceMad: smile.upperFaceMad,
        outline: smile.outline,
        workArea: area,
        from,
        region: regionOf(done.region),
        stages: done.stages,
        ms: { ...done.ms, total: Math.round(performance.now() - t0) },
        ...common,
      };
      cases.push(entry);
      console.log(JSON.stringify({ ...entry, model: undefined, refiner: undefined }));
    }

    const points = readTemplate(await readFile(path.join(portraits, `${name}.tem`), 'utf8'));
    const { ipd, shapes } = parts(points);
    for (const part of HAND_PARTS) {
      if (!wanted(part)) continue;
      const t0 = performance.now();
      const mask = await maskPng(width, height, shapes[part]);
      const maskPlane = await readMaskPlane(mask, width, height);
      const { area, from } = chooseWorkArea(
        planeBounds(maskPlane, width)!,
        width,
        height,
        faceAreas,
      );
      // The photo's own lines where a person would draw: the sketch domain at the network's
      // frame (the scale the training sketches have), inside the mask.
      const r = synth.resolution;
      const frame = await synth.workAreaPixels(photo, area);
      const lines = await sketcher.lines({ data: frame, width: r, height: r });
      const netMask = (await guidanceFromImages({ mask }, maskPlane, width, height, area, r)).mask;
      const inMask: LineMap = { ...lines, data: lines.data.map((v, i) => (netMask[i] ? v : 0)) };
      const id = `${stem}-${part}`;
      const strokes = handDrawn(inMask, seedOf(id));
      const sketch = await drawStrokes(strokes, area, r, width, height);
      const done = await runEdit(synth, photo, maskPlane, area, { mask, sketch }, id);
      const entry = {
        id,
        kind: 'handdrawn',
        part,
        photo: file,
        real: file,
        ipd,
        strokes: strokes.length,
        workArea: area,
        from,
        region: regionOf(done.region),
        stages: done.stages,
        ms: { ...done.ms, total: Math.round(performance.now() - t0) },
        ...common,
      };
      cases.push(entry);
      console.log(JSON.stringify({ ...entry, model: undefined, refiner: undefined }));
    }
  }
  writeFileSync(path.join(outDir, 'cases.json'), JSON.stringify(cases, null, 1));
  await sketcher.dispose();
  await locator.dispose();
  await stack.dispose();
  console.log(
    `eval:edits: ${cases.length} edits in ${outDir}; score them with models/training/eval_edits.py --run ${outDir}`,
  );
}

await main();
