import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FaceLocator } from '../../../electron/core/faces/face-locator';
import { openPhoto } from '../../../electron/core/photos/open-photo';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { chooseWorkArea } from '../../../electron/core/synthesis/edit-photo';
import { MODELS_DIR, SAMPLE_PHOTO } from '../../support/repo-paths';
import { gradientRaw } from '../../support/photo-fixtures';
import { makeTempDir } from '../../support/temp-dir';

describe('opening a photo with face detection', () => {
  it('suggests a work area framing the astronaut’s face like the training faces', async () => {
    const locator = new FaceLocator(MODELS_DIR);
    const bytes = await readFile(SAMPLE_PHOTO);
    const opened = await openPhoto(
      { source: 'bytes', fileName: 'a.png', bytes },
      new PhotoStore(),
      locator,
    );
    await locator.dispose();
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.faces).toHaveLength(1);
    const area = opened.value.suggestedWorkArea;
    expect(area).toBeDefined();
    if (!area) return;
    // The face box (≈163..279 × 75..187) fills the square, which stays inside the photo.
    expect(area.size).toBeGreaterThan(100);
    expect(area.size).toBeLessThan(135);
    expect(area.x).toBeGreaterThan(150);
    expect(area.x + area.size).toBeLessThan(300);
    expect(area.y).toBeGreaterThan(55);
    expect(area.y + area.size).toBeLessThan(200);
    // The face's own landmarks come with it: 68 points, eyes above the mouth, inside the square.
    const points = opened.value.landmarks;
    expect(points).toHaveLength(68);
    if (!points) return;
    for (const p of points) {
      expect(p.x).toBeGreaterThan(area.x - 10);
      expect(p.x).toBeLessThan(area.x + area.size + 10);
    }
    const meanY = (from: number, to: number) =>
      points.slice(from, to).reduce((a, p) => a + p.y, 0) / (to - from);
    expect(meanY(36, 48)).toBeLessThan(meanY(48, 68) - 20);
  });

  it('suggests nothing for a photo without a face', async () => {
    const locator = new FaceLocator(MODELS_DIR);
    const bytes = await gradientRaw(640, 480).png().toBuffer();
    const opened = await openPhoto(
      { source: 'bytes', fileName: 'g.png', bytes },
      new PhotoStore(),
      locator,
    );
    await locator.dispose();
    expect(opened.ok && opened.value.faces).toEqual([]);
    expect(opened.ok && opened.value.suggestedWorkArea).toBeUndefined();
  });

  it('still opens the photo when the detector is missing, and says why once', async () => {
    const logged: string[] = [];
    const locator = new FaceLocator(await makeTempDir(), (line) => logged.push(line));
    const bytes = await readFile(SAMPLE_PHOTO);
    const store = new PhotoStore();
    for (let i = 0; i < 2; i++) {
      const opened = await openPhoto({ source: 'bytes', fileName: 'a.png', bytes }, store, locator);
      expect(opened.ok).toBe(true);
      expect(opened.ok && opened.value.suggestedWorkArea).toBeUndefined();
    }
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/Face detection is off: .*manifest/);
    expect(locator.failure).not.toBeNull();
  });
});

describe('the edit command’s work area', () => {
  const mask = { x0: 1200, y0: 1300, x1: 1300, y1: 1350 };

  it('uses the tightest detected face square that holds the whole mask', () => {
    const faces = [
      { x: 1000, y: 1000, size: 600 },
      { x: 1100, y: 1150, size: 300 },
      { x: 3000, y: 1000, size: 200 },
    ];
    expect(chooseWorkArea(mask, 6000, 4000, faces)).toEqual({ area: faces[1], from: 'face' });
  });

  it('falls back to a square around the mask when no face holds it', () => {
    const chosen = chooseWorkArea(mask, 6000, 4000, [{ x: 1250, y: 1250, size: 100 }]);
    expect(chosen.from).toBe('mask');
    expect(chosen.area.x).toBeLessThanOrEqual(mask.x0);
    expect(chosen.area.x + chosen.area.size).toBeGreaterThan(mask.x1);
  });
});
