/**
 * The workspace in Chromium, through the browser host: the real renderer build, the real
 * handlers (sharp decoding in the host process), the same contract client as in Electron.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitToView } from '../../shared/geometry/fit';
import {
  corruptJpeg,
  NOT_AN_IMAGE,
  orientedJpeg,
  pngHeaderClaiming,
} from '../support/photo-fixtures';
import { REPO_ROOT, SAMPLE_PHOTO } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { CANVAS_BACKGROUND, sameColour, WorkspacePage } from './support/workspace-page';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
/** The margin the editor keeps around a fitted photo (set-view-size.ts, fit-to-screen.ts). */
const VIEW_MARGIN = 24;

describe('workspace in Chromium via the browser host', () => {
  let host: BrowserHost;
  let session: ChromiumSession;
  let workspace: WorkspacePage;

  beforeAll(async () => {
    host = await startBrowserHost();
    session = await openChromium(host.url);
    workspace = new WorkspacePage(session.page);
    await workspace.waitForAppEvent('app-ready');
  });

  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  it('starts with an empty workspace and reports the model status', async () => {
    expect(await workspace.text('status-photo-size')).toBe('No photo');
    expect(await session.page.getByText('No layers yet').isVisible()).toBe(true);
    // Whether a model is installed depends on the checkout; the label must say which.
    expect(await workspace.text('status-model')).toMatch(
      /^(Model not installed|Model damaged|Model: .+)$/,
    );
  });

  it('opens the sample photo through File → Open and shows it fitted, at its real size', async () => {
    const before = await workspace.lastEventSeq();
    await workspace.openWithPicker(SAMPLE_PHOTO);
    const opened = await workspace.waitForAppEvent('photo-opened', before);
    expect(opened).toMatchObject({ fileName: 'astronaut.png', width: 512, height: 512 });
    const shown = await workspace.waitForAppEvent('photo-shown', before);

    // The photo fills the view as fitToView says, from the canvas's actual size.
    const expected = fitToView(
      { width: 512, height: 512 },
      { width: shown.viewWidth, height: shown.viewHeight },
      VIEW_MARGIN,
    );
    expect(shown.zoom).toBeCloseTo(expected.zoom, 6);
    expect(shown.width).toBeCloseTo(512 * expected.zoom, 3);
    expect(shown.left).toBeCloseTo(expected.offsetX, 3);
    expect(shown.top).toBeCloseTo(expected.offsetY, 3);

    // And the pixels agree: photo inside the box, background just outside it.
    const { left, top, width, height } = shown;
    const inside = await workspace.canvasPixel(left + width / 2, top + height / 2);
    expect(sameColour(inside, CANVAS_BACKGROUND, 8)).toBe(false);
    for (const [x, y] of [
      [left - 3, top + height / 2],
      [left + width + 3, top + height / 2],
      [left + width / 2, top - 3],
      [left + width / 2, top + height + 3],
    ] as const) {
      expect(sameColour(await workspace.canvasPixel(x, y), CANVAS_BACKGROUND)).toBe(true);
    }

    expect(await workspace.text('status-photo-size')).toBe('512 × 512 px');
    expect(await workspace.text('status-zoom')).toBe(`${Math.round(expected.zoom * 100)} %`);
    const layer = session.page.locator('[data-layer-kind=photo]');
    expect(await layer.innerText()).toContain('astronaut.png');

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await session.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'workspace-astronaut.png') });
  });

  it('shows a dropped EXIF-rotated photo upright, at its displayed size', async () => {
    const before = await workspace.lastEventSeq();
    // Stored 1800 × 1200 with orientation 6: a 1200 × 1800 portrait, larger than the view.
    await workspace.dropFile('portrait.jpg', await orientedJpeg(1800, 1200, 6), 'image/jpeg');
    const opened = await workspace.waitForAppEvent('photo-opened', before);
    expect([opened.width, opened.height]).toEqual([1200, 1800]);
    const shown = await workspace.waitForAppEvent('photo-shown', before);
    const expected = fitToView(
      { width: 1200, height: 1800 },
      { width: shown.viewWidth, height: shown.viewHeight },
      VIEW_MARGIN,
    );
    expect(expected.zoom).toBeLessThan(1);
    expect(shown.height).toBeCloseTo(1800 * expected.zoom, 3);
    expect(shown.height / shown.width).toBeCloseTo(1.5, 3);
    // Upright: the stored left half (red) is now the top half.
    const top = await workspace.canvasPixel(
      shown.left + shown.width / 2,
      shown.top + shown.height * 0.25,
    );
    const bottom = await workspace.canvasPixel(
      shown.left + shown.width / 2,
      shown.top + shown.height * 0.75,
    );
    expect(top.r).toBeGreaterThan(top.b + 100);
    expect(bottom.b).toBeGreaterThan(bottom.r + 100);
    expect(await workspace.text('status-photo-size')).toBe('1200 × 1800 px');
  });

  it.each([
    [
      'a corrupt JPEG',
      'broken.jpg',
      corruptJpeg(),
      'image/jpeg',
      'photo-unreadable',
      /“broken\.jpg” could not be read as an image/,
    ],
    [
      'a text file',
      'notes.txt',
      NOT_AN_IMAGE,
      'text/plain',
      'photo-unreadable',
      /“notes\.txt” could not be read as an image/,
    ],
    [
      'a 20,000 × 20,000 PNG',
      'huge.png',
      pngHeaderClaiming(20_000, 20_000),
      'image/png',
      'photo-too-large',
      /20000 × 20000 pixels \(400 megapixels\)/,
    ],
  ])(
    'shows a clear message for %s and keeps the open photo',
    async (_name, fileName, bytes, mime, code, message) => {
      const before = await workspace.lastEventSeq();
      const sizeBefore = await workspace.text('status-photo-size');
      await workspace.dropFile(fileName, bytes, mime);
      const error = await workspace.waitForAppEvent('error-shown', before);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(await session.page.getByRole('alert').innerText()).toMatch(message);
      // Nothing else changed: the photo that was open is still the open photo.
      expect(await workspace.text('status-photo-size')).toBe(sizeBefore);
    },
  );

  it('keeps working after errors: the next photo opens', async () => {
    const before = await workspace.lastEventSeq();
    await workspace.dropFile('astronaut.png', await readFile(SAMPLE_PHOTO), 'image/png');
    const shown = await workspace.waitForAppEvent('photo-shown', before);
    expect(shown.width).toBeGreaterThan(0);
    expect(await session.page.getByRole('alert').count()).toBe(0);
    expect(await workspace.text('status-photo-size')).toBe('512 × 512 px');
  });

  it('logged no console errors, page errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
    expect(host.stderr()).toBe('');
  });
});
