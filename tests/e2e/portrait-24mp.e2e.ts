/**
 * A real face at 24 MP in Chromium through the browser host, with the real model and the real
 * full-resolution stage: a blemish painted out on the cheek, then looked at at 100 %.
 *
 * The photo is the 1350-px studio portrait (Face Research Lab London Set, CC-BY 4.0, see
 * assets/README.md) enlarged to 4000 px and set in a 6000 × 4000 frame (its edges mirrored),
 * with a camera's grain added (seeded Gaussian, σ ≈ 4 levels, slightly coloured): at 100 % the
 * skin of a 24 MP file shows grain and nothing larger, so that grain is the fine detail an edit
 * must match to be indistinguishable from the skin around it. The network's 256-px output scaled
 * up about 10× has none of it; the fill on screen at 100 % must carry most of it.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { EditorPage, type PhotoPoint, type Pixels } from './support/editor-page';
import { awayFromPath, difference, nearPath } from './support/pixel-regions';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const PORTRAIT = path.join(REPO_ROOT, 'assets', 'samples', 'portrait-london-081.jpg');
const WIDTH = 6000;
const HEIGHT = 4000;
/** The portrait's scale in the frame and where it sits. */
const K = HEIGHT / 1350;
const LEFT = (WIDTH - HEIGHT) / 2;
const at = ([x, y]: PhotoPoint): PhotoPoint => [Math.round(LEFT + x * K), Math.round(y * K)];
/** The cheek below the image-left eye (in the 1350-px portrait: 548–568, 717). */
const BLEMISH_FROM = at([546, 717]);
const BLEMISH_TO = at([570, 719]);
const BLEMISH: readonly PhotoPoint[] = [BLEMISH_FROM, BLEMISH_TO];

/** Mean |luminance − mean of its 3×3 neighbourhood| over the pixels `inside` selects. */
function detail(pixels: Pixels, inside: (x: number, y: number) => boolean): number {
  const lum = (x: number, y: number) => {
    const i = 4 * (y * pixels.width + x);
    return (
      0.299 * (pixels.rgba[i] as number) +
      0.587 * (pixels.rgba[i + 1] as number) +
      0.114 * (pixels.rgba[i + 2] as number)
    );
  };
  let sum = 0;
  let count = 0;
  for (let y = 1; y < pixels.height - 1; y++)
    for (let x = 1; x < pixels.width - 1; x++) {
      if (!inside(x, y)) continue;
      let mean = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) mean += lum(x + dx, y + dy);
      sum += Math.abs(lum(x, y) - mean / 9);
      count++;
    }
  return sum / count;
}

/** The 24 MP photo: the portrait enlarged, framed, with seeded grain; a JPEG at quality 95. */
async function photo24mp(): Promise<Buffer> {
  const enlarged = await sharp(PORTRAIT)
    .resize(HEIGHT, HEIGHT, { kernel: 'lanczos3' })
    .extend({ left: LEFT, right: WIDTH - HEIGHT - LEFT, extendWith: 'mirror' })
    .removeAlpha()
    .raw()
    .toBuffer();
  // Grain: a seeded normal per pixel (Box–Muller on a xorshift), luminance plus a little colour.
  let s = 0x9e3779b9;
  const uniform = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  for (let i = 0; i < enlarged.length; i += 3) {
    const l = 4 * normal();
    for (let c = 0; c < 3; c++) {
      const v = (enlarged[i + c] as number) + l + 1.2 * normal();
      enlarged[i + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  return sharp(enlarged, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
    .toBuffer();
}

describe('a real face at 24 MP, edited and seen at 100 %', () => {
  let host: BrowserHost;
  let session: ChromiumSession;
  let editor: EditorPage;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'faceshop-e2e-'));
    const file = path.join(dir, 'portrait-24mp.jpg');
    await writeFile(file, await photo24mp());
    host = await startBrowserHost();
    session = await openChromium(host.url);
    editor = new EditorPage(session.page);
    const ready = await editor.waitForAppEvent('app-ready');
    if (ready.modelState !== 'installed') throw new Error(`the model is ${ready.modelState}`);
    const seq = await editor.lastEventSeq();
    await editor.openWithPicker(file);
    await editor.waitForAppEvent('photo-shown', seq, 120_000);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('paints out a blemish: at 100 % the fill has the grain of the skin around it', async () => {
    // The detector framed the face: a work area of thousands of pixels, ~10× the network's.
    const document = await editor.readDocument();
    expect(document.workArea.size).toBeGreaterThan(1500);
    await editor.press('b');
    const brush = (await editor.readDocument()).brushSizes['mask'] ?? 0;
    expect(brush).toBeGreaterThan(40);
    const seq = await editor.lastEventSeq();
    await editor.drag(BLEMISH);
    const edited = await editor.readDocument();
    await editor.waitForResult(edited.revision, seq, 120_000);

    // 100 %, centred on the edit: the photo's own pixels and the result at full resolution.
    await session.page.getByRole('button', { name: 'Strokes' }).click();
    await editor.hover(BLEMISH_FROM);
    const zoomSeq = await editor.lastEventSeq();
    for (let i = 0; i < 16 && (await editor.readDocument()).viewport.zoom < 1; i++)
      await editor.wheel(-200);
    const zoom = (await editor.readDocument()).viewport.zoom;
    expect(zoom).toBeGreaterThanOrEqual(1);
    const again = await editor.waitForResult(edited.revision, zoomSeq, 120_000);
    console.log(
      `24 MP portrait: full-resolution result at ${Math.round(zoom * 100)} % in ${Math.round(again.latencyMs)} ms`,
    );

    const [cx, cy] = [(BLEMISH_FROM[0] + BLEMISH_TO[0]) / 2, (BLEMISH_FROM[1] + BLEMISH_TO[1]) / 2];
    const rect = {
      x: Math.round(cx - 3 * brush),
      y: Math.round(cy - 2 * brush),
      width: 6 * brush,
      height: 4 * brush,
    };
    const local = (points: readonly PhotoPoint[]): PhotoPoint[] =>
      points.map(([x, y]) => [x - rect.x, y - rect.y]);
    // The tile of the photo's own pixels arrives shortly after the view settles.
    let photo = await editor.readPixels(rect, 'photo');
    const core = nearPath(local(BLEMISH), brush / 2 - 6);
    const ring = (x: number, y: number) =>
      awayFromPath(local(BLEMISH), brush / 2 + 0.03 * document.workArea.size + 8)(x, y);
    for (let i = 0; i < 100 && detail(photo, ring) < 2; i++) {
      await session.page.waitForTimeout(100);
      photo = await editor.readPixels(rect, 'photo');
    }
    const shown = await editor.readPixels(rect, 'photo-and-result');
    // The edit changed what was under it and nothing far from it.
    expect(difference(shown, photo, core).mean).toBeGreaterThan(0.5);
    expect(difference(shown, photo, ring).max).toBe(0);
    // Indistinguishable in sharpness from the skin around it: its grain against the ring's.
    const inFill = detail(shown, core);
    const around = detail(photo, ring);
    const underIt = detail(photo, core);
    console.log(
      `24 MP portrait: fine detail in the fill ${inFill.toFixed(2)}, the skin around it ${around.toFixed(2)}, the photo under it ${underIt.toFixed(2)} (ratio ${(inFill / underIt).toFixed(2)})`,
    );
    expect(inFill / underIt).toBeGreaterThan(0.7);
    expect(inFill / around).toBeGreaterThan(0.7);

    // The brush's outline moved out of the picture, to a corner of the canvas.
    const canvasBox = await session.page.getByTestId('photo-canvas').boundingBox();
    if (canvasBox)
      await session.page.mouse.move(canvasBox.x + canvasBox.width - 4, canvasBox.y + 4);
    const centre = await editor.pagePoint([Math.round(cx), Math.round(cy)]);
    const clip = { x: centre.x - 300, y: centre.y - 200, width: 600, height: 400 };
    await session.page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'portrait-24mp-1-edit-100.png'),
      clip,
    });
    await session.page.keyboard.down('\\');
    await session.page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'portrait-24mp-2-before-100.png'),
      clip,
    });
    await session.page.keyboard.up('\\');
  }, 300_000);
});
