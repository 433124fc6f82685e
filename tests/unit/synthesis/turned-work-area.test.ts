/**
 * The turned work area's geometry (turned-work-area.ts), without the network: the threshold,
 * the direction of the turn (a photo turned by θ, viewed turned by θ, is the upright photo's
 * view), guidance turned and an output turned back, masks the turned square does not hold, and
 * work areas that leave the photo.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Guidance } from '../../../electron/core/synthesis/guidance';
import {
  ROLL_THRESHOLD_DEGREES,
  effectiveRoll,
  maskFitsTurned,
  renderTurnedWorkArea,
  turnGuidance,
  turnOutputBack,
} from '../../../electron/core/synthesis/turned-work-area';
import { renderWorkArea, type WorkArea } from '../../../electron/core/synthesis/work-area';
import { SAMPLE_PHOTO } from '../../support/repo-paths';

const R = 256;

/** PSNR (dB) of two interleaved 8-bit buffers over the pixels `keep` selects (all if absent). */
function psnr(a: Uint8Array, b: Uint8Array, channels = 3, keep?: (i: number) => boolean): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < a.length / channels; i++) {
    if (keep && !keep(i)) continue;
    for (let c = 0; c < channels; c++) {
      const d = (a[channels * i + c] as number) - (b[channels * i + c] as number);
      sum += d * d;
      count++;
    }
  }
  return 10 * Math.log10((255 * 255) / (sum / count));
}

/** The astronaut turned `degrees` clockwise about its centre on grey, and its new size. */
async function turnedAstronaut(degrees: number): Promise<{ bytes: Buffer; side: number }> {
  const bytes = await sharp(SAMPLE_PHOTO)
    .removeAlpha()
    .rotate(degrees, { background: { r: 128, g: 128, b: 128 } })
    .png()
    .toBuffer();
  const meta = await sharp(bytes).metadata();
  expect(meta.width).toBe(meta.height);
  return { bytes, side: meta.width };
}

describe('the roll threshold', () => {
  it('turns only beyond ±5°, and brings the angle into (−180°, 180°]', () => {
    expect(ROLL_THRESHOLD_DEGREES).toBe(5);
    expect(effectiveRoll(undefined)).toBe(0);
    expect(effectiveRoll(null)).toBe(0);
    expect(effectiveRoll(Number.NaN)).toBe(0);
    expect(effectiveRoll(4.9)).toBe(0);
    expect(effectiveRoll(-5)).toBe(0);
    expect(effectiveRoll(5.5)).toBe(5.5);
    expect(effectiveRoll(-20)).toBe(-20);
    expect(effectiveRoll(350)).toBeCloseTo(-10, 9);
    expect(effectiveRoll(361)).toBe(0);
  });
});

describe('the turned view of the photo', () => {
  it('shows a photo turned by θ as the upright photo shows, viewed turned by θ', async () => {
    const upright = sharp(SAMPLE_PHOTO).removeAlpha();
    const { width = 0 } = await upright.metadata();
    const area: WorkArea = { x: 156, y: 106, size: 200 }; // around the face
    const reference = await renderWorkArea(upright.clone(), width, width, area, R);
    for (const degrees of [20, -25]) {
      const { bytes, side } = await turnedAstronaut(degrees);
      // The same square in the turned photo: its centre turned about the photo's centre.
      const a = (degrees * Math.PI) / 180;
      const dx = area.x + area.size / 2 - width / 2;
      const dy = area.y + area.size / 2 - width / 2;
      const cx = side / 2 + dx * Math.cos(a) - dy * Math.sin(a);
      const cy = side / 2 + dx * Math.sin(a) + dy * Math.cos(a);
      // Work areas are whole pixels: the centre lands within half a pixel (≈ 0.6 network px).
      const turnedArea = {
        x: Math.round(cx - area.size / 2),
        y: Math.round(cy - area.size / 2),
        size: area.size,
      };
      const photo = sharp(bytes);
      const view = await renderTurnedWorkArea(photo.clone(), side, side, turnedArea, R, degrees);
      const wrongWay = await renderTurnedWorkArea(
        photo.clone(),
        side,
        side,
        turnedArea,
        R,
        -degrees,
      );
      const axis = await renderWorkArea(photo.clone(), side, side, turnedArea, R);
      const right = psnr(view, reference);
      console.log(
        `turned ${degrees}°: view vs upright ${right.toFixed(1)} dB; axis-aligned ${psnr(axis, reference).toFixed(1)} dB; turned the wrong way ${psnr(wrongWay, reference).toFixed(1)} dB`,
      );
      expect(right).toBeGreaterThan(24);
      expect(right).toBeGreaterThan(psnr(axis, reference) + 6);
      expect(right).toBeGreaterThan(psnr(wrongWay, reference) + 6);
    }
  });

  it('repeats the photo’s edge where the turned square leaves it', async () => {
    // A photo whose left half is black and right half white, a work area over its left edge:
    // beyond the edge the view repeats the edge column (black), never garbage or grey.
    const W = 300;
    const data = Buffer.alloc(W * W * 3);
    for (let y = 0; y < W; y++)
      for (let x = W / 2; x < W; x++) data.fill(255, 3 * (y * W + x), 3 * (y * W + x) + 3);
    const photo = sharp(data, { raw: { width: W, height: W, channels: 3 } });
    const area = { x: -80, y: 50, size: 160 };
    const view = await renderTurnedWorkArea(photo, W, W, area, R, 20);
    expect(view.length).toBe(R * R * 3);
    // The whole turned square lies left of x = 150 (its reach is 0.5·160·(cos + sin) ≈ 103 px
    // from the centre x = 0): all black.
    expect(view.every((v) => v === 0)).toBe(true);
    const bright = sharp(Buffer.alloc(W * W * 3, 200), {
      raw: { width: W, height: W, channels: 3 },
    });
    const corner = await renderTurnedWorkArea(bright, W, W, { x: -100, y: -100, size: 160 }, R, 30);
    expect(corner.every((v) => v === 200)).toBe(true);
  });
});

/** A guidance of resolution R with a disc mask, a line and a colour dot. */
function discGuidance(cx: number, cy: number, radius: number): Guidance {
  const n = R * R;
  const mask = new Float32Array(n);
  const sketch = new Float32Array(n);
  const color = new Float32Array(4 * n);
  for (let y = 0; y < R; y++)
    for (let x = 0; x < R; x++) {
      const i = y * R + x;
      if ((x - cx) ** 2 + (y - cy) ** 2 <= radius * radius) mask[i] = 1;
      if (y === Math.round(cy) && Math.abs(x - cx) < radius * 0.8) sketch[i] = 1;
      if ((x - cx - 4) ** 2 + (y - cy + 4) ** 2 <= 4) {
        color[i] = 0.8;
        color[n + i] = 0.2;
        color[2 * n + i] = 0.1;
        color[3 * n + i] = 1;
      }
    }
  return { resolution: R, mask, sketch, color };
}

describe('turned guidance and the output turned back', () => {
  it('turns the mask wide, the sketch at its width and colours exactly', () => {
    const g = discGuidance(100, 150, 20);
    const t = turnGuidance(g, 20);
    // A disc stays a disc: about the same area, grown by the 2-px safety margin, all of it
    // landing where the axis-aligned disc turns to.
    const area = (p: Float32Array) => p.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
    expect(area(t.mask)).toBeGreaterThan(area(g.mask));
    expect(area(t.mask)).toBeLessThan(Math.PI * 24 * 24 * 1.15);
    const turnedCentre = {
      x:
        R / 2 + Math.cos(-Math.PI / 9) * (100.5 - R / 2) - Math.sin(-Math.PI / 9) * (150.5 - R / 2),
      y:
        R / 2 + Math.sin(-Math.PI / 9) * (100.5 - R / 2) + Math.cos(-Math.PI / 9) * (150.5 - R / 2),
    };
    for (let y = 0; y < R; y++)
      for (let x = 0; x < R; x++) {
        const d = Math.hypot(x + 0.5 - turnedCentre.x, y + 0.5 - turnedCentre.y);
        if (d < 20) expect(t.mask[y * R + x]).toBe(1);
        if (d > 25.5) expect(t.mask[y * R + x]).toBe(0);
      }
    // The line keeps roughly its length and width (binarized: 1–2 px).
    expect(area(t.sketch)).toBeGreaterThan(area(g.sketch) * 0.8);
    expect(area(t.sketch)).toBeLessThan(area(g.sketch) * 2.2);
    // Colours are copied, never blended.
    const n = R * R;
    const colours = new Set<string>();
    for (let i = 0; i < n; i++)
      if ((t.color[3 * n + i] as number) > 0)
        colours.add([0, 1, 2, 3].map((c) => t.color[c * n + i]).join());
    expect([...colours]).toEqual([[0.8, 0.2, 0.1, 1].map((v) => Math.fround(v)).join()]);
  });

  it('turns an output back onto the axis-aligned frame', () => {
    // A smooth picture in the axis-aligned frame, viewed turned (sampled at the turned grid),
    // turned back: the original within a level or two inside the disc.
    const n = R * R;
    const picture = (x: number, y: number, c: number) =>
      0.5 + 0.3 * Math.sin(x / 9 + c) * Math.cos(y / 13 - c);
    const a = (20 * Math.PI) / 180;
    const turned = new Float32Array(3 * n);
    for (let v = 0; v < R; v++)
      for (let u = 0; u < R; u++) {
        const du = u + 0.5 - R / 2;
        const dv = v + 0.5 - R / 2;
        const x = R / 2 + Math.cos(a) * du - Math.sin(a) * dv - 0.5;
        const y = R / 2 + Math.sin(a) * du + Math.cos(a) * dv - 0.5;
        for (let c = 0; c < 3; c++) turned[c * n + v * R + u] = picture(x, y, c);
      }
    const g = discGuidance(128, 128, 60);
    const back = turnOutputBack(turned, R, 20, g.mask);
    let worst = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = i % R;
      const y = Math.floor(i / R);
      for (let c = 0; c < 3; c++) {
        if (g.mask[i] === 1)
          worst = Math.max(worst, Math.abs((back[c * n + i] as number) - picture(x, y, c)));
        else outside = Math.max(outside, Math.abs(back[c * n + i] as number));
      }
    }
    expect(worst).toBeLessThan(1.5 / 255);
    expect(outside).toBe(0); // only the mask is turned back; the rest is the work area's own
  });

  it('knows when the mask reaches a corner the turned square does not cover', () => {
    expect(maskFitsTurned(discGuidance(128, 128, 60).mask, R, 20)).toBe(true);
    // Near the corner of the axis-aligned square, outside the turned one.
    expect(maskFitsTurned(discGuidance(6, 6, 4).mask, R, 20)).toBe(false);
    // The same spot with a small turn still fits (the corners barely move).
    expect(maskFitsTurned(discGuidance(20, 20, 4).mask, R, 4)).toBe(true);
    expect(maskFitsTurned(discGuidance(20, 20, 4).mask, R, 25)).toBe(false);
  });
});
