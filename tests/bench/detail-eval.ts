/**
 * `npm run eval:detail`: edits of real studio portraits through the product's own pipeline
 * (the steps `faceshop edit` runs: face framing → guidance from images → synthesis → paste-back),
 * each edit pasted back from the same network output in every variant of the finish stage —
 * "base" (upsampled alone), "transfer" (the detail stage), and with a refiner installed (or named
 * by FACESHOP_REFINER) "refiner" (the refiner alone) and "both" (refiner, then the detail stage) —
 * and written with its mask and the real photo's crop to a run folder;
 * `models/training/eval_detail.py` then scores them against the real photo and OpenCV's Telea
 * and draws 1:1 contact sheets.
 *
 * Parts: each eye, the nose and the mouth (the hand-placed template's outline, grown by 12 % of
 * the distance between the pupils) guided by the real photo's own sketch, and a removed blemish
 * (a disc on the cheek, no guidance). Portraits: 20 held out by name from anything that is
 * trained or tuned on the portraits. Without `../shared/datasets/portraits` it says so and stops.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { FaceLocator } from '../../electron/core/faces/face-locator';
import { workAreaForFace } from '../../electron/core/faces/face-work-area';
import { SketchDomain, sketchPhotoFile } from '../../electron/core/sketch/sketch-domain';
import { chooseWorkArea, planeBounds } from '../../electron/core/synthesis/edit-photo';
import { guidanceFromImages, readMaskPlane } from '../../electron/core/synthesis/guidance';
import { openModelStack } from '../../electron/core/synthesis/model-loading';
import {
  cropPlane,
  pasteBack,
  type PasteBackOptions,
  type PastedRegion,
} from '../../electron/core/synthesis/paste-back';
import { photoSourceFromBytes } from '../../electron/core/synthesis/photo-source';
import { MODEL_MANIFEST, MODELS_DIR, REPO_ROOT } from '../support/repo-paths';
import { HELD_OUT_PORTRAITS, maskPng, parts, readTemplate } from './portrait-parts';

export { HELD_OUT_PORTRAITS } from './portrait-parts';

const portraits =
  process.env['FACESHOP_PORTRAITS'] ??
  path.join(REPO_ROOT, '..', 'shared', 'datasets', 'portraits');
const only = process.env['FACESHOP_EVAL_ONLY']?.split(',');
/** FACESHOP_EVAL_PARTS=blemish,mouth: only these parts (a quicker run while tuning one). */
const onlyParts = process.env['FACESHOP_EVAL_PARTS']?.split(',');
/**
 * FACESHOP_EVAL_SET=train: the refiner's training pairs instead — every portrait with a template
 * that is NOT held out, the base variant only, plus the sketch plane the refiner is given (so
 * models/training/refiner.py learns from the base network's real output, not only from
 * simulated softening). Never scored: these portraits are training data.
 */
const trainingPairs = process.env['FACESHOP_EVAL_SET'] === 'train';

function trainingPortraits(): string[] {
  const names: string[] = [];
  for (const folder of ['london', 'canada'])
    for (const file of readdirSync(path.join(portraits, folder)).sort())
      if (file.endsWith('.tem')) names.push(`${folder}/${file.slice(0, -'.tem'.length)}`);
  return names.filter((n) => !HELD_OUT_PORTRAITS.includes(n));
}
const outDir =
  process.env['FACESHOP_EVAL_OUT'] ?? path.join(REPO_ROOT, 'models', 'training', 'runs', 'detail');

async function main(): Promise<void> {
  if (!existsSync(portraits)) {
    console.log(`eval:detail: skipped — no portraits at ${portraits} (set FACESHOP_PORTRAITS)`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  // FACESHOP_MODEL: another manifest (a candidate model) to evaluate.
  // FACESHOP_REFINER: a candidate refiner's manifest ('off': none; default: the installed one).
  const stack = await openModelStack(process.env['FACESHOP_MODEL'] ?? MODEL_MANIFEST, {
    threads: 2,
    refiner: process.env['FACESHOP_REFINER'] ?? 'auto',
  });
  for (const line of stack.statusLines) console.error(line);
  const synth = stack.synthesizer;
  // Every variant is pasted back from the same network output.
  const variants: Record<string, PasteBackOptions> = trainingPairs
    ? { base: { detail: 'off', refine: false } }
    : {
        base: { detail: 'off', refine: false },
        transfer: { refine: false },
        ...(synth.refiner
          ? {
              refiner: { detail: 'off', refiner: synth.refiner },
              both: { refiner: synth.refiner },
            }
          : {}),
      };
  const locator = new FaceLocator(MODELS_DIR, (line) => console.error(line));
  const sketcher = await SketchDomain.open(MODELS_DIR, 2);
  const cases: object[] = [];
  let index = 0;
  for (const name of only ?? (trainingPairs ? trainingPortraits() : HELD_OUT_PORTRAITS)) {
    const file = path.join(portraits, `${name}.jpg`);
    const bytes = await readFile(file);
    const points = readTemplate(await readFile(path.join(portraits, `${name}.tem`), 'utf8'));
    const photo = await photoSourceFromBytes(name, bytes, name);
    const { width, height } = photo;
    const faces = await locator.findFaces(bytes);
    const faceAreas = faces.map(workAreaForFace);
    const sketch = (await sketchPhotoFile(sketcher, bytes)).png;
    const { ipd, shapes } = parts(points);
    for (const [part, shape] of Object.entries(shapes)) {
      if (onlyParts && !onlyParts.includes(part)) continue;
      const t0 = performance.now();
      const mask = await maskPng(width, height, shape);
      const maskPlane = await readMaskPlane(mask, width, height);
      const bounds = planeBounds(maskPlane, width)!;
      const { area, from } = chooseWorkArea(bounds, width, height, faceAreas);
      const images = part === 'blemish' ? { mask } : { mask, sketch };
      const guidance = await guidanceFromImages(images, maskPlane, width, height, area, 256);
      // Training pairs vary the noise; the evaluation keeps seed 0.
      const output = await synth.synthesizeNow(photo, area, guidance, trainingPairs ? index++ : 0);
      const plane = cropPlane(maskPlane, width, area, height);
      const ms: Record<string, number> = { synthesis: Math.round(performance.now() - t0) };
      const id = `${name.replace('/', '-')}-${part}`;
      let base: PastedRegion | null = null;
      let notes: Record<string, string> = {};
      for (const [variant, options] of Object.entries(variants)) {
        const t1 = performance.now();
        const region = await pasteBack(photo, area, output, plane, options);
        ms[variant] = Math.round(performance.now() - t1);
        base ??= region;
        notes = { ...notes, [variant]: `${region.refined}, ${region.detail}` };
        await sharp(region.rgb, {
          raw: { width: region.width, height: region.height, channels: 3 },
        })
          .png()
          .toFile(path.join(outDir, `${id}-${variant}.png`));
      }
      if (base === null) throw new Error('no variants');
      const entry = {
        id,
        photo: file,
        part,
        ipd,
        workArea: area,
        from,
        region: { left: base.left, top: base.top, width: base.width, height: base.height },
        variants: Object.keys(variants),
        stages: notes,
        ms,
      };
      // The mask over the region (the window around it that the paste-back returns).
      const visible = { left: Math.max(0, area.x), top: Math.max(0, area.y) };
      const visibleWidth = Math.min(width, area.x + area.size) - visible.left;
      const windowMask = new Uint8Array(base.width * base.height);
      for (let y = 0; y < base.height; y++) {
        const from = (y + base.top - visible.top) * visibleWidth + (base.left - visible.left);
        windowMask.set(plane.subarray(from, from + base.width), y * base.width);
      }
      await sharp(windowMask, { raw: { width: base.width, height: base.height, channels: 1 } })
        .png()
        .toFile(path.join(outDir, `${id}-mask.png`));
      if (trainingPairs) {
        // The sketch as the refiner gets it: the network's plane upsampled to the work area.
        const r = output.resolution;
        const sketchWindow = await sharp(
          Buffer.from(output.sketch.map((v) => (v === 0 ? 0 : 255))),
          {
            raw: { width: r, height: r, channels: 1 },
          },
        )
          .resize(area.size, area.size, { fit: 'fill', kernel: 'linear' })
          .extract({
            left: base.left - area.x,
            top: base.top - area.y,
            width: base.width,
            height: base.height,
          })
          .extractChannel(0)
          .png()
          .toBuffer();
        writeFileSync(path.join(outDir, `${id}-sketch.png`), sketchWindow);
      }
      cases.push(entry);
      console.log(JSON.stringify(entry));
    }
  }
  writeFileSync(path.join(outDir, 'cases.json'), JSON.stringify(cases, null, 1));
  await sketcher.dispose();
  await locator.dispose();
  await stack.dispose();
  console.log(
    `eval:detail: ${cases.length} edits in ${outDir}; score them with models/training/eval_detail.py`,
  );
}

await main();
