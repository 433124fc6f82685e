/**
 * Smart copy-paste in Chromium through the browser host, with the real models: open a target
 * photo, drag a second face into the source panel, paste its left eye (the preset), move it
 * onto the target's right eye with the place tool (it snaps there), wait for the synthesis, and
 * check the picture: changed inside the pasted mask, bit-identical outside the feathered mask,
 * following the pasted sketch (the F1 of the result's own sketch against the pasted lines inside
 * the mask, reported beside the same score for the untouched photo); undo takes the paste away.
 *
 * The source is the sample face mirrored and relit (darker, cooler) and cropped so its work area
 * frames the face: a different face position and different light, the case copy-paste is for.
 * Inside/outside are computed here from the document's own mask strokes, rasterized by the
 * shared rasterizer the backend uses.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  networkInputs,
  type FaceDocument,
  type PastedRegionLayer,
  type Point,
  type WorkArea,
} from '../../shared/document';
import { facePartCentre } from '../../shared/paste/placement';
import { channelStrokes } from '../../shared/raster/network-strokes';
import { binarize, rasterizeCoverage } from '../../shared/raster/rasterize-strokes';
import { FaceLocator } from '../../electron/core/faces/face-locator';
import { SketchDomain } from '../../electron/core/sketch/sketch-domain';
import type { FaceshopTestApi } from '../../renderer/app-events/app-events';
import { MODELS_DIR, REPO_ROOT, SAMPLE_PHOTO } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { EditorPage, type Pixels } from './support/editor-page';
import { difference, filePixels, type Region } from './support/pixel-regions';
import { lineAgreement, pictureLines } from './support/sketch-agreement';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const PHOTO = { x: 0, y: 0, width: 512, height: 512 } as const;
/** The sample's face framed as the network's aligned crops are (eyes near 203,102 and 247,103). */
const TARGET_AREA = { x: 171, y: 72, size: 107 } as const;
/** The same framing of the mirrored face: x' = 512 − (171 + 107). */
const MIRRORED_AREA = { x: 234, y: 72, size: 107 } as const;
/** Analysis size of the sketch domain (the network's resolution). */
const SKETCH_SIZE = 256;
/**
 * The result's alpha is the mask feathered with σ = 1 % of the work area (about 1 px here),
 * computed at 256 px and scaled onto 107: zero beyond a few pixels of the mask's edge.
 */
const FEATHER_MARGIN = 6;

type TestWindow = Window & { __faceshopTest?: FaceshopTestApi };

/** The sample mirrored, darker and cooler, cropped to its face and shown at 3×. */
async function relitMirroredSource(): Promise<Uint8Array> {
  // Two pipelines: sharp crops before it flips within one, whatever the order of the calls.
  const mirrored = await sharp(SAMPLE_PHOTO).flop().png().toBuffer();
  return new Uint8Array(
    await sharp(mirrored)
      .extract({
        left: MIRRORED_AREA.x,
        top: MIRRORED_AREA.y,
        width: MIRRORED_AREA.size,
        height: MIRRORED_AREA.size,
      })
      .resize(321, 321, { kernel: 'lanczos3' })
      .linear([0.7, 0.75, 0.9], [0, 0, 8])
      .png()
      .toBuffer(),
  );
}

/** Pixels within `radius` of the mask (true) and beyond it (false), photo-sized. */
function grow(mask: Uint8Array, width: number, radius: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  const height = mask.length / width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy >= 0 && yy < height && xx >= 0 && xx < width) out[yy * width + xx] = 1;
        }
      }
    }
  }
  return out;
}

function pastedLayer(document: FaceDocument): PastedRegionLayer {
  const layer = document.layers.find((l): l is PastedRegionLayer => l.kind === 'pasted-region');
  if (!layer) throw new Error('no pasted region in the document');
  return layer;
}

/** One channel of the pasted layer, placed on the photo, rasterized over `frame`. */
function pastedChannel(
  document: FaceDocument,
  channel: 'mask' | 'sketch',
  frame: { x: number; y: number; size: number; resolution: number },
): Uint8Array {
  const layerId = pastedLayer(document).id;
  const onlyPasted = {
    ...networkInputs(document),
    groups: networkInputs(document).groups.filter((g) => g.layerId === layerId),
  };
  const coverage = binarize(rasterizeCoverage(channelStrokes(onlyPasted)[channel], frame));
  return Uint8Array.from(coverage, (v) => (v > 0 ? 1 : 0));
}

describe('smart copy-paste in Chromium', () => {
  let host: BrowserHost;
  let session: ChromiumSession;
  let editor: EditorPage;
  let sketcher: SketchDomain;
  let original: Pixels;
  let photo: Pixels;
  let targetArea: WorkArea;
  /** The source's work area as the panel opened it (the default square, or a detected face). */
  let sourceArea: WorkArea;
  /** Both faces' landmarks, as the backend finds them when it opens each photo. */
  let targetLandmarks: readonly Point[];
  /** Where the paste put the region, which undoing the move returns it to. */
  let pastedAt = { x: 0, y: 0 };
  /** Null where the detector finds no face in the source (the relit mirror: too dark). */
  let sourceLandmarks: readonly Point[] | null;
  const eyeDistance = (points: readonly Point[]) => {
    const mean = (from: number) => ({
      x: points.slice(from, from + 6).reduce((a, p) => a + p.x, 0) / 6,
      y: points.slice(from, from + 6).reduce((a, p) => a + p.y, 0) / 6,
    });
    return Math.hypot(mean(42).x - mean(36).x, mean(42).y - mean(36).y);
  };

  const screenshot = (name: string) =>
    session.page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
  const readDocumentData = async (): Promise<FaceDocument> => {
    const data = await session.page.evaluate(
      () => (window as TestWindow).__faceshopTest?.readDocumentData() ?? null,
    );
    if (!data) throw new Error('no document is open');
    return data;
  };

  beforeAll(async () => {
    host = await startBrowserHost();
    session = await openChromium(host.url);
    editor = new EditorPage(session.page);
    const ready = await editor.waitForAppEvent('app-ready', 0, 90_000);
    if (ready.modelState !== 'installed') {
      throw new Error(
        `the model is ${ready.modelState}: these tests need models/faceshop-256.onnx`,
      );
    }
    sketcher = await SketchDomain.open(MODELS_DIR, 1);
    const locator = new FaceLocator(MODELS_DIR);
    const found = async (bytes: Uint8Array) => {
      const meta = await sharp(bytes).metadata();
      return (await locator.locate(bytes, { width: meta.width, height: meta.height })).landmarks;
    };
    const target = await found(await readFile(SAMPLE_PHOTO));
    if (!target) throw new Error('the landmark model found no face in the sample photo');
    targetLandmarks = target;
    sourceLandmarks = await found(await relitMirroredSource());
    await locator.dispose();
    original = await filePixels(SAMPLE_PHOTO);
    const seq = await editor.lastEventSeq();
    // The page's own photo input, as Open Photo… fills it (the toolbar's button opens it).
    await session.page.getByTestId('photo-file-input').setInputFiles(SAMPLE_PHOTO);
    await editor.waitForAppEvent('photo-shown', seq);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await sketcher?.dispose();
    await session?.close();
    await host?.stop();
  });

  it('frames the target face with the work area', async () => {
    photo = await editor.readPixels(PHOTO, 'photo');
    // Wherever the app put the square first (the default, or a detected face), resize it from
    // its bottom-right corner, then move it onto the face.
    const start = (await editor.readDocument()).workArea;
    await editor.press('w');
    await editor.drag([
      [start.x + start.size - 1, start.y + start.size - 1],
      [start.x + TARGET_AREA.size, start.y + TARGET_AREA.size],
    ]);
    const resized = (await editor.readDocument()).workArea;
    const grab = [resized.x + resized.size / 2, resized.y + resized.size / 2] as const;
    await editor.drag([
      grab,
      [grab[0] + TARGET_AREA.x - resized.x, grab[1] + TARGET_AREA.y - resized.y],
    ]);
    targetArea = (await editor.readDocument()).workArea;
    // The mouse lands on whole view pixels: a pixel either way frames the face as well.
    expect(Math.abs(targetArea.x - TARGET_AREA.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(targetArea.y - TARGET_AREA.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(targetArea.size - TARGET_AREA.size)).toBeLessThanOrEqual(1);
  });

  it('takes a second face dropped on the source panel, without replacing the target', async () => {
    const seq = await editor.lastEventSeq();
    const bytes = await relitMirroredSource();
    const dataTransfer = await session.page.evaluateHandle((base64) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'relit-source.png', { type: 'image/png' }));
      return transfer;
    }, Buffer.from(bytes).toString('base64'));
    const panel = session.page.getByTestId('source-panel');
    await panel.dispatchEvent('dragenter', { dataTransfer });
    await panel.dispatchEvent('dragover', { dataTransfer });
    await panel.dispatchEvent('drop', { dataTransfer });
    const opened = await editor.waitForAppEvent('paste-source-opened', seq);
    expect(opened).toMatchObject({ fileName: 'relit-source.png', from: 'photo' });
    sourceArea = opened.workArea;
    // The target is still the document's photo.
    const document = await readDocumentData();
    expect(document.photo).toMatchObject({ width: 512, height: 512 });
    expect(document.photo.assetId).not.toBe(opened.photoId);
    await session.page.getByRole('button', { name: 'Left eye' }).click();
    await session.page.getByTestId('source-selection').waitFor();
    await screenshot('paste-1-before.png');
  });

  it('pastes the left eye as strokes onto the target’s left eye and re-synthesizes', async () => {
    const seq = await editor.lastEventSeq();
    await session.page.getByRole('button', { name: 'Paste', exact: true }).click();
    const pasted = await editor.waitForAppEvent('region-pasted', seq);
    // Onto the target's own eye by both faces' landmarks where both have them; a source whose
    // face is not found is placed by the work areas, and says why.
    expect(pasted).toMatchObject(
      sourceLandmarks
        ? { placedBy: 'landmarks', landmarksMissing: null }
        : { placedBy: 'work-area', landmarksMissing: 'source' },
    );
    await editor.waitForResult(pasted.revision, seq);
    const document = await readDocumentData();
    const layer = pastedLayer(document);
    expect(layer.name).toBe('Left eye');
    expect(layer.channels.sketch.length).toBeGreaterThan(0);
    expect(layer.channels.color.length).toBeGreaterThan(0);
    const eye = sourceLandmarks
      ? facePartCentre('left-eye', targetArea, targetLandmarks)
      : facePartCentre('left-eye', targetArea);
    expect(layer.transform.x).toBeCloseTo(eye.x, 6);
    expect(layer.transform.y).toBeCloseTo(eye.y, 6);
    expect(layer.transform.scale).toBeCloseTo(
      sourceLandmarks
        ? eyeDistance(targetLandmarks) / eyeDistance(sourceLandmarks)
        : targetArea.size / sourceArea.size,
      6,
    );
    pastedAt = { x: layer.transform.x, y: layer.transform.y };
    const own = facePartCentre('left-eye', targetArea, targetLandmarks);
    const mean = facePartCentre('left-eye', targetArea);
    console.log(
      `pasted left eye by ${pasted.placedBy}; the target's own eye is ${Math.hypot(own.x - mean.x, own.y - mean.y).toFixed(1)} px from where the mean face has it`,
    );
    expect((await editor.readDocument()).history.steps).toContain('Paste region');
  });

  it('moves it with the place tool onto the right eye, where it snaps; one undo step', async () => {
    const before = await readDocumentData();
    const from = pastedLayer(before).transform;
    const rightEye = facePartCentre('right-eye', targetArea, targetLandmarks);
    const seq = await editor.lastEventSeq();
    // Released two pixels off the eye's centre: the snap puts it exactly there.
    await editor.drag([
      [from.x, from.y],
      [rightEye.x + 2, rightEye.y - 1],
    ]);
    const probe = await editor.readDocument();
    expect(probe.history.steps.at(-1)).toBe('Place Left eye');
    await editor.waitForResult(probe.revision, seq);
    const moved = pastedLayer(await readDocumentData()).transform;
    expect(moved.x).toBeCloseTo(rightEye.x, 6);
    expect(moved.y).toBeCloseTo(rightEye.y, 6);
    await screenshot('paste-2-after-move.png');
  });

  it('changes the picture inside the pasted mask only, following the pasted sketch', async () => {
    const document = await readDocumentData();
    const shown = await editor.readPixels(PHOTO, 'photo-and-result');
    const full = { x: 0, y: 0, size: 512, resolution: 512 };
    const mask = pastedChannel(document, 'mask', full);
    const near = grow(mask, 512, FEATHER_MARGIN);
    // The mask shrunk by two pixels: surely inside, whatever the edge's rounding.
    const outsideShrunk = grow(
      Uint8Array.from(mask, (v) => 1 - v),
      512,
      2,
    );
    const inside: Region = (x, y) => !outsideShrunk[y * 512 + x];
    const outside: Region = (x, y) => !near[y * 512 + x];
    const changed = difference(shown, original, inside);
    const untouched = difference(shown, photo, outside);
    expect(changed.pixels).toBeGreaterThan(200);
    expect(changed.mean).toBeGreaterThan(4);
    expect(untouched.max).toBe(0);

    // F1 of the result's own sketch against the pasted lines, inside the mask, 2 px tolerance,
    // at the sketch domain's analysis size; the untouched photo's score is the baseline.
    const raster = { ...targetArea, resolution: SKETCH_SIZE };
    const pastedSketch = pastedChannel(document, 'sketch', raster);
    const pastedMask = pastedChannel(document, 'mask', raster);
    const resultLines = await pictureLines(sketcher, shown, targetArea, SKETCH_SIZE);
    const photoLines = await pictureLines(sketcher, photo, targetArea, SKETCH_SIZE);
    const result = lineAgreement(resultLines, pastedSketch, pastedMask, SKETCH_SIZE, 2);
    const baseline = lineAgreement(photoLines, pastedSketch, pastedMask, SKETCH_SIZE, 2);
    const report = {
      changedInside: changed,
      untouchedOutside: untouched,
      resultVsPastedSketch: result,
      untouchedPhotoVsPastedSketch: baseline,
    };
    console.log(`[paste] ${JSON.stringify(report)}`);
    await writeFile(path.join(SCREENSHOT_DIR, 'paste-f1.json'), JSON.stringify(report, null, 2));
    // A close-up for a person to judge the light: the photo, the source and the result, 4×.
    const crop = async (pixels: Pixels) =>
      sharp(Buffer.from(pixels.rgba), { raw: { width: 512, height: 512, channels: 4 } })
        .extract({ left: targetArea.x, top: targetArea.y, width: targetArea.size, height: 60 })
        .resize(targetArea.size * 4, 240, { kernel: 'nearest' })
        .png()
        .toBuffer();
    const source = await sharp(await relitMirroredSource())
      .extract({ left: 0, top: 0, width: 321, height: 180 })
      .resize(targetArea.size * 4, 240)
      .png()
      .toBuffer();
    const width = targetArea.size * 4;
    await sharp({ create: { width, height: 720, channels: 3, background: '#000' } })
      .composite([
        { input: await crop(photo), top: 0, left: 0 },
        { input: source, top: 240, left: 0 },
        { input: await crop(shown), top: 480, left: 0 },
      ])
      .png()
      .toFile(path.join(SCREENSHOT_DIR, 'paste-3-closeup.png'));

    // Asserted after the report and the close-up are written, so a failure leaves them to look at.
    expect(result.sketchLinePixels).toBeGreaterThan(20);
    // The result follows the pasted lines. The untouched photo is reported beside it but not
    // used as the bar: the pasted eye is the same person's other eye, so the photo already
    // agrees with it (F1 ≈ 0.55), and the network's output moves by about ±0.04 with the
    // document's random seed — "beats the photo" would fail by chance. The held-out evaluation
    // asks F1 ≥ 0.5 of the model (issue 4); this asks a little less of one seed.
    expect(result.f1).toBeGreaterThan(0.45);
  });

  it('undo takes back the move, then the paste', async () => {
    await editor.press('Control+z');
    const afterMove = await readDocumentData();
    expect(pastedLayer(afterMove).transform.x).toBeCloseTo(pastedAt.x, 6);
    await editor.press('Control+z');
    const probe = await editor.readDocument();
    expect(probe.counts['pasted-region']).toBeUndefined();
    expect(probe.history.steps.slice(probe.history.position)).toEqual([
      'Paste region',
      'Place Left eye',
    ]);
  });
});
