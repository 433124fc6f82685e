/**
 * The 100 % view of a large photo in Chromium through the browser host: fitted, the canvas
 * shows the 2048-px preview; at 100 % (Mod+1) it lays the photo's own full-resolution pixels
 * over it, so what the person judges is the photo, not a magnified preview. The photo is a
 * generated 4800×3200 PNG of one-pixel stripes over a gradient, which a preview scaled up
 * cannot show (the stripes average away) and the real pixels show exactly.
 */
import { writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { EditorPage, type Pixels } from './support/editor-page';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const WIDTH = 4800;
const HEIGHT = 3200;

function stripes(): Buffer {
  const rgb = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const i = 3 * (y * WIDTH + x);
      const line = x % 2 === 0 ? 40 : -40;
      rgb[i] = Math.round(100 + (x / WIDTH) * 60 + line);
      rgb[i + 1] = Math.round(110 + (y / HEIGHT) * 50 + line);
      rgb[i + 2] = 120 + (y % 3 === 0 ? 30 : 0);
    }
  return rgb;
}

/** Mean |difference| of horizontally adjacent pixels: high for one-pixel stripes. */
function stripeContrast(pixels: Pixels): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < pixels.height; y++)
    for (let x = 1; x < pixels.width; x++) {
      const i = 4 * (y * pixels.width + x);
      sum += Math.abs((pixels.rgba[i] as number) - (pixels.rgba[i - 4] as number));
      count++;
    }
  return sum / count;
}

describe('the 100 % view of a large photo', () => {
  let host: BrowserHost;
  let session: ChromiumSession;
  let editor: EditorPage;
  let raw: Buffer;

  beforeAll(async () => {
    raw = stripes();
    const dir = await mkdtemp(path.join(tmpdir(), 'faceshop-e2e-'));
    const file = path.join(dir, 'stripes.png');
    await writeFile(
      file,
      await sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
        .png({ compressionLevel: 6 })
        .toBuffer(),
    );
    host = await startBrowserHost();
    session = await openChromium(host.url);
    editor = new EditorPage(session.page);
    await editor.waitForAppEvent('app-ready');
    const seq = await editor.lastEventSeq();
    await editor.openWithPicker(file);
    await editor.waitForAppEvent('photo-shown', seq);
  });

  /** A screenshot of the middle of the canvas (where Mod+1 keeps the view's centre). */
  async function centreShot(name: string, width: number, height: number): Promise<void> {
    const box = await session.page.getByTestId('photo-canvas').boundingBox();
    if (!box) return;
    await session.page.screenshot({
      path: path.join(SCREENSHOT_DIR, name),
      clip: {
        x: box.x + box.width / 2 - width / 2,
        y: box.y + box.height / 2 - height / 2,
        width,
        height,
      },
    });
  }

  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('fitted, shows the preview; at 100 % the photo’s own pixels', async () => {
    const rect = { x: 2300, y: 1500, width: 200, height: 120 };
    const fitted = await editor.readPixels(rect, 'photo');
    // The preview (2048 px wide) scaled up 2.3× has lost the one-pixel stripes.
    expect(stripeContrast(fitted)).toBeLessThan(20);

    await session.page.keyboard.press('Control+1');
    await session.page.waitForFunction(
      () =>
        (
          window as unknown as {
            __faceshopTest?: { readDocument(): { viewport: { zoom: number } } | null };
          }
        ).__faceshopTest?.readDocument()?.viewport.zoom === 1,
    );
    // The tile arrives shortly after the view settles.
    let shown = await editor.readPixels(rect, 'photo');
    for (let i = 0; i < 100 && stripeContrast(shown) < 60; i++) {
      await session.page.waitForTimeout(100);
      shown = await editor.readPixels(rect, 'photo');
    }
    let maxDiff = 0;
    for (let y = 0; y < rect.height; y++)
      for (let x = 0; x < rect.width; x++)
        for (let c = 0; c < 3; c++) {
          const real = raw[3 * ((rect.y + y) * WIDTH + rect.x + x) + c] as number;
          const seen = shown.rgba[4 * (y * rect.width + x) + c] as number;
          maxDiff = Math.max(maxDiff, Math.abs(real - seen));
        }
    expect(maxDiff).toBe(0);
    await centreShot('full-resolution-100.png', 300, 200);
  });

  it('an edit, then 100 %: the result comes again at full resolution for the same revision', async () => {
    await session.page.keyboard.press('Control+0');
    await editor.press('b');
    const seq = await editor.lastEventSeq();
    await editor.drag([
      [2350, 1600],
      [2450, 1600],
    ]);
    const edited = await editor.readDocument();
    await editor.waitForResult(edited.revision, seq);
    const zoomSeq = await editor.lastEventSeq();
    await session.page.keyboard.press('Control+1');
    // The view settles at 100 %: the same revision is asked for again, at the work area's side.
    const again = await editor.waitForResult(edited.revision, zoomSeq, 120_000);
    console.log(`full-resolution result at 100 %: ${Math.round(again.latencyMs)} ms`);
    await centreShot('full-resolution-edit-100.png', 400, 240);
  });
});
