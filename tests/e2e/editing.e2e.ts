/**
 * Editing a face in Chromium through the browser host, with the real model: the work area, a
 * mask over an eye, a sketch line, a color stroke, the synthesized result on screen, undo and
 * redo, before/after, a hidden layer, the eyedropper — each checked against the document and
 * against the pixels the canvas shows, read back through the canvas's own objects and compared
 * with the photo file.
 *
 * The model is early in its training, so its pictures are rough; what is asserted is behaviour
 * (the masked region changes, nothing else does, undo and redo bring back exactly the picture of
 * the state they return to), never beauty. Timings are measured and printed, never asserted.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToRgb } from '../../shared/document';
import { REPO_ROOT, SAMPLE_PHOTO } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { EditorPage, type PhotoPoint, type Pixels } from './support/editor-page';
import { awayFromPath, difference, filePixels, nearPath } from './support/pixel-regions';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const PHOTO = { x: 0, y: 0, width: 512, height: 512 } as const;
const EVERYWHERE = () => true;

/** A square around the astronaut's face (x 170–290, y 60–200 in the sample). */
const FACE_WORK_AREA = { x: 110, y: 10, size: 240 } as const;
/** Across the left eye, near (205, 100). */
const MASK_PATH: readonly PhotoPoint[] = [
  [186, 100],
  [226, 100],
];
const SKETCH_PATH: readonly PhotoPoint[] = [
  [192, 106],
  [206, 110],
  [220, 106],
];
const COLOR_PATH: readonly PhotoPoint[] = [
  [198, 99],
  [214, 99],
];
const STROKE_COLOR = '#2f7fd8';
/**
 * The result's alpha is the mask feathered with σ = 1 % of the work area (2.4 px here) and
 * scaled from the model's 256 px onto 240: beyond the brush's edge plus this margin it is zero.
 */
const FEATHER_MARGIN = 12;
/** Results of one document state are recomputed bit-exactly; allow rounding, nothing more. */
const SAME_PICTURE = 2;

describe('editing with the real model in Chromium', () => {
  let host: BrowserHost;
  let session: ChromiumSession;
  let editor: EditorPage;
  let original: Pixels;
  let photo: Pixels;
  let maskWidth = 0;
  const pictures: Record<'maskOnly' | 'withSketch' | 'withColor', Pixels | null> = {
    maskOnly: null,
    withSketch: null,
    withColor: null,
  };

  const picture = (name: keyof typeof pictures): Pixels => {
    const pixels = pictures[name];
    if (!pixels) throw new Error(`no ${name} picture yet`);
    return pixels;
  };
  const shown = () => editor.readPixels(PHOTO, 'photo-and-result');
  const inside = () => nearPath(MASK_PATH, maskWidth / 4);
  const outside = () => awayFromPath(MASK_PATH, maskWidth / 2 + FEATHER_MARGIN);
  const screenshot = (name: string) =>
    session.page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });

  /** Runs `act` and waits until the result for the revision it made is on screen. */
  async function resultAfter(act: () => Promise<void>) {
    const before = await editor.readDocument();
    const seq = await editor.lastEventSeq();
    await act();
    const after = await editor.readDocument();
    expect(after.revision).toBe(before.revision + 1);
    const timing = await editor.waitForResult(after.revision, seq);
    return { document: after, timing };
  }

  /** The picture on screen changes the masked eye and leaves every other pixel alone. */
  async function expectEditConfinedToMask(): Promise<Pixels> {
    const pixels = await shown();
    expect(difference(pixels, photo, outside()).max).toBe(0);
    expect(difference(pixels, original, inside()).mean).toBeGreaterThan(4);
    return pixels;
  }

  beforeAll(async () => {
    host = await startBrowserHost();
    session = await openChromium(host.url);
    editor = new EditorPage(session.page);
    const ready = await editor.waitForAppEvent('app-ready');
    if (ready.modelState !== 'installed') {
      throw new Error(
        `the model is ${ready.modelState}: these tests need models/faceshop-256.onnx and its manifest`,
      );
    }
    original = await filePixels(SAMPLE_PHOTO);
    const seq = await editor.lastEventSeq();
    await editor.openWithPicker(SAMPLE_PHOTO);
    await editor.waitForAppEvent('photo-shown', seq);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('shows the photo as the file holds it', async () => {
    photo = await editor.readPixels(PHOTO, 'photo');
    // The preview is a quality-90 JPEG of the PNG: close, not identical.
    expect(difference(photo, original, EVERYWHERE).mean).toBeLessThan(3);
    expect(await editor.readDocument()).toMatchObject({
      counts: { mask: 0, sketch: 0, color: 0, iris: 0 },
      history: { steps: [], position: 0 },
      resultRevision: null,
    });
  });

  it('places the work area on the detected face, then a corner drag and a move adjust it', async () => {
    // The face detector framed the astronaut's face (box ≈ 163–279 × 75–187) like the
    // network's training faces.
    const detected = (await editor.readDocument()).workArea;
    expect(detected.size).toBeGreaterThan(100);
    expect(detected.size).toBeLessThan(135);
    expect(detected.x).toBeGreaterThan(150);
    expect(detected.x + detected.size).toBeLessThan(300);
    expect(detected.y).toBeGreaterThan(55);
    expect(detected.y + detected.size).toBeLessThan(200);
    await screenshot('edit-0-detected-work-area.png');

    await editor.press('w');
    await editor.drag([
      [detected.x + detected.size - 1, detected.y + detected.size - 1],
      [detected.x + FACE_WORK_AREA.size, detected.y + FACE_WORK_AREA.size],
    ]);
    const grown = (await editor.readDocument()).workArea;
    expect(grown).toEqual({ x: detected.x, y: detected.y, size: FACE_WORK_AREA.size });
    await editor.drag([
      [detected.x + 100, detected.y + 100],
      [FACE_WORK_AREA.x + 100, FACE_WORK_AREA.y + 100],
    ]);
    const document = await editor.readDocument();
    expect(document.workArea).toEqual(FACE_WORK_AREA);
    expect(document.history.steps).toEqual(['Work area', 'Work area']);
    // No mask yet: nothing to synthesize, nothing but the photo on screen.
    expect(document.resultRevision).toBeNull();
    await screenshot('edit-1-work-area.png');
  });

  it('paints a mask over an eye: the result differs inside the mask and nowhere else', async () => {
    await editor.press('b');
    // Brushes start at a fraction of the detected work area (1/16: 7 px for this face); five
    // steps of ] make the mask brush cover the eye in one stroke.
    for (let i = 0; i < 5; i++) await editor.press(']');
    maskWidth = (await editor.readDocument()).brushSizes['mask'] ?? 0;
    expect(maskWidth).toBeGreaterThan(8);
    const { document, timing } = await resultAfter(() => editor.drag(MASK_PATH));
    expect(timing.latencyMs).toBeGreaterThan(0);
    expect(document.counts).toMatchObject({ mask: 1, sketch: 0, color: 0 });
    expect(document.history.steps.at(-1)).toBe('Mask stroke');
    pictures.maskOnly = await expectEditConfinedToMask();
    expect(await editor.text('status-timing')).toMatch(/^Result in \d+ ms$/);
  });

  it('draws a sketch line and a color stroke, each giving a new result', async () => {
    await editor.press('s');
    await resultAfter(() => editor.drag(SKETCH_PATH));
    pictures.withSketch = await expectEditConfinedToMask();

    await editor.chooseColor(STROKE_COLOR);
    await editor.press('c');
    const { document } = await resultAfter(() => editor.drag(COLOR_PATH));
    expect(document.counts).toMatchObject({ mask: 1, sketch: 1, color: 1 });
    expect(document.color).toBe(STROKE_COLOR);
    expect(document.history.steps.slice(2)).toEqual([
      'Mask stroke',
      'Sketch stroke',
      'Color stroke',
    ]);
    pictures.withColor = await expectEditConfinedToMask();
    // Each stroke changed what the network made of the eye.
    expect(difference(picture('withSketch'), picture('maskOnly'), inside()).mean).toBeGreaterThan(
      1,
    );
    expect(difference(picture('withColor'), picture('withSketch'), inside()).mean).toBeGreaterThan(
      1,
    );
    await screenshot('edit-2-strokes.png');
  });

  it('zooms with the wheel around the pointer', async () => {
    const anchor: PhotoPoint = [230, 125];
    await editor.hover(anchor);
    const before = await editor.pagePoint(anchor);
    await editor.wheel(-300);
    await editor.wheel(-300);
    const after = await editor.pagePoint(anchor);
    expect((await editor.readDocument()).viewport.zoom).toBeGreaterThan(2);
    expect(after.x).toBeCloseTo(before.x, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
    await screenshot('edit-3-zoomed.png');
  });

  it('fades a layer with its opacity slider: one undo step, display only', async () => {
    const before = await editor.readDocument();
    const slider = session.page.locator('[data-layer-id="layer-color"] input[type=range]');
    const box = await slider.boundingBox();
    if (!box) throw new Error('the Color layer has no opacity slider on screen');
    const y = box.y + box.height / 2;
    await session.page.mouse.move(box.x + box.width - 4, y);
    await session.page.mouse.down();
    await session.page.mouse.move(box.x + box.width * 0.6, y, { steps: 4 });
    await session.page.mouse.move(box.x + box.width * 0.35, y, { steps: 4 });
    await session.page.mouse.up();
    const after = await editor.readDocument();
    // A drag is one step, and the network never sees opacity: no new revision, no synthesis.
    expect(after.history.steps.slice(0, after.history.position)).toEqual([
      ...before.history.steps,
      'Color opacity',
    ]);
    expect(after.revision).toBe(before.revision);

    // The edit as the README shows it (assets/screenshots/edit.png is a copy): zoomed in, the
    // strokes faded over the result, the sketch pen in hand.
    await editor.press('s');
    await editor.hover([300, 230]);
    await screenshot('edit-4-faded-color.png');
    await session.page.getByRole('button', { name: 'Strokes' }).click();
    await screenshot('edit-5-result-only.png');
    await session.page.getByRole('button', { name: 'Strokes' }).click();

    await editor.press('Control+z');
    expect((await editor.readDocument()).history.position).toBe(before.history.position);
  });

  it('holding \\ shows the photo before the edit; releasing shows the result again', async () => {
    await session.page.keyboard.down('\\');
    expect(difference(await shown(), photo, EVERYWHERE).max).toBe(0);
    await screenshot('edit-6-before.png');
    await session.page.keyboard.up('\\');
    expect(difference(await shown(), picture('withColor'), EVERYWHERE).max).toBe(0);
  });

  it('undoes twice and redoes once, the document and the picture following', async () => {
    let { document } = await resultAfter(() => editor.press('Control+z'));
    expect(document.counts).toMatchObject({ mask: 1, sketch: 1, color: 0 });
    expect(document.history.position).toBe(4);
    let pixels = await expectEditConfinedToMask();
    expect(difference(pixels, picture('withSketch'), EVERYWHERE).max).toBeLessThanOrEqual(
      SAME_PICTURE,
    );

    ({ document } = await resultAfter(() => editor.press('Control+z')));
    expect(document.counts).toMatchObject({ mask: 1, sketch: 0, color: 0 });
    expect(document.history.position).toBe(3);
    pixels = await expectEditConfinedToMask();
    expect(difference(pixels, picture('maskOnly'), EVERYWHERE).max).toBeLessThanOrEqual(
      SAME_PICTURE,
    );

    ({ document } = await resultAfter(() => editor.press('Control+Shift+z')));
    expect(document.counts).toMatchObject({ mask: 1, sketch: 1, color: 0 });
    expect(document.history.steps.slice(0, document.history.position)).toEqual([
      'Work area',
      'Work area',
      'Mask stroke',
      'Sketch stroke',
    ]);
    expect(document.history.steps.slice(document.history.position)).toEqual([
      'Color stroke',
      'Color opacity',
    ]);
    pixels = await expectEditConfinedToMask();
    expect(difference(pixels, picture('withSketch'), EVERYWHERE).max).toBeLessThanOrEqual(
      SAME_PICTURE,
    );
    await screenshot('edit-7-undo-redo.png');
  });

  it('hiding the sketch layer in the layers panel takes it from the network; undo brings it back', async () => {
    const hide = session.page.getByRole('button', { name: 'Hide Sketch' });
    let { document } = await resultAfter(() => hide.click());
    expect(document.counts).toMatchObject({ mask: 1, sketch: 1 });
    const { steps, position } = document.history;
    expect(steps[position - 1]).toBe('Hide Sketch');
    // Without its sketch the document is the mask alone, and so is the picture.
    expect(difference(await shown(), picture('maskOnly'), EVERYWHERE).max).toBeLessThanOrEqual(
      SAME_PICTURE,
    );
    ({ document } = await resultAfter(() => editor.press('Control+z')));
    expect(difference(await shown(), picture('withSketch'), EVERYWHERE).max).toBeLessThanOrEqual(
      SAME_PICTURE,
    );
    // Hiding kept the redo stack: the undone color stroke can still come back.
    expect(document.history.steps.slice(document.history.position)).toEqual([
      'Hide Sketch',
      'Color stroke',
      'Color opacity',
    ]);
  });

  it('picks a color from the photo with the eyedropper', async () => {
    const point: PhotoPoint = [420, 300];
    await editor.press('k');
    await editor.drag([point]);
    const picked = hexToRgb((await editor.readDocument()).color);
    const at = 4 * (point[1] * original.width + point[0]);
    const expected = [original.rgba[at], original.rgba[at + 1], original.rgba[at + 2]];
    // The preview is a JPEG: within its error of the file.
    for (const [channel, value] of [picked.r, picked.g, picked.b].entries()) {
      expect(Math.abs(value - (expected[channel] ?? 0))).toBeLessThanOrEqual(8);
    }
  });

  it('measures pointer-up → result on screen over 20 strokes', async () => {
    await editor.press('s');
    const latencies: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      const y = 94 + (index % 10);
      const shift = index % 2 === 0 ? 0 : 3;
      const { timing } = await resultAfter(() =>
        editor.drag([
          [194 + shift, y],
          [218 + shift, y + 2],
        ]),
      );
      latencies.push(timing.latencyMs);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const quantile = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    console.log(
      `pointer-up → result shown over ${latencies.length} strokes: ` +
        `p50 ${quantile(0.5).toFixed(0)} ms, p95 ${quantile(0.95).toFixed(0)} ms`,
    );
    expect((await editor.readDocument()).counts).toMatchObject({ sketch: 21 });
  }, 300_000);

  it('jumps through the history panel: back to the open photo, then forward again', async () => {
    const steps = (await editor.readDocument()).history.steps.length;
    const history = session.page.getByTestId('history-list');
    // Back to "Open": no mask is left, so nothing is synthesized and the photo is the picture.
    await history.getByRole('button', { name: 'Open', exact: true }).click();
    let document = await editor.readDocument();
    expect(document.history.position).toBe(0);
    expect(document.counts).toMatchObject({ mask: 0, sketch: 0, color: 0 });
    expect(document.resultRevision).toBeNull();
    expect(difference(await shown(), photo, EVERYWHERE).max).toBe(0);

    ({ document } = await resultAfter(() =>
      history.getByRole('button', { name: 'Sketch stroke' }).last().click(),
    ));
    expect(document.history.position).toBe(steps);
    expect(document.counts).toMatchObject({ mask: 1, sketch: 21 });
    await expectEditConfinedToMask();
  });

  it('exports the edit as a full-resolution PNG from File → Export (Ctrl+Shift+E)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'faceshop-export-'));
    const target = path.join(dir, 'astronaut-edited');
    await session.page.keyboard.press('Control+Shift+E');
    const dialog = session.page.getByTestId('export-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('export-format').selectOption('jpeg');
    expect(await dialog.getByTestId('export-lossiness').textContent()).toMatch(/^Lossy: JPEG/);
    await dialog.getByTestId('export-format').selectOption('png');
    expect(await dialog.getByTestId('export-lossiness').textContent()).toMatch(/^Lossless/);
    await dialog.getByTestId('export-path').fill(target);
    await screenshot('edit-4-export-dialog.png');
    const seq = await editor.lastEventSeq();
    await dialog.getByTestId('export-submit').click();
    const exported = await editor.waitForAppEvent('photo-exported', seq, 60_000);
    expect(exported).toEqual({ path: `${target}.png`, format: 'png' });
    await dialog.waitFor({ state: 'detached' });

    // The file: full size, the photo's own pixels away from the mask, the edit inside it.
    const written = await filePixels(exported.path);
    expect([written.width, written.height]).toEqual([512, 512]);
    expect(difference(written, original, outside()).max).toBe(0);
    expect(difference(written, original, inside()).mean).toBeGreaterThan(4);
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
    expect(host.stderr()).toBe('');
  });
});
