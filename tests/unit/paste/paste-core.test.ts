/** Smart copy-paste's core: tracing lines, filling selections, face-part presets, conversion. */
import sharp from 'sharp';
import type { Stroke } from '../../../shared/document';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facePartRect } from '../../../shared/paste/face-parts';
import { polygonFillStrokes } from '../../../shared/raster/fill-strokes';
import { binarize, rasterizeCoverage } from '../../../shared/raster/rasterize-strokes';
import { simplify, traceLines } from '../../../shared/raster/trace-lines';
import { snapPlacement } from '../../../electron/core/paste/paste-placement';
import { bilateralFilter, colorWalks } from '../../../electron/core/paste/color-walks';
import {
  insidePolygon,
  rectPolygon,
  regionToStrokes,
  relightGain,
} from '../../../electron/core/paste/region-to-strokes';
import { SketchDomain } from '../../../electron/core/sketch/sketch-domain';
import { photoSourceFromBytes } from '../../../electron/core/synthesis/photo-source';
import { MODELS_DIR } from '../../support/repo-paths';

describe('traceLines', () => {
  it('traces an open line end to end and a closed loop, simplified', () => {
    const w = 40;
    const lines = new Uint8Array(w * w);
    for (let x = 5; x < 30; x++) lines[10 * w + x] = 1; // horizontal line
    for (let a = 0; a < 360; a += 2) {
      const x = Math.round(20 + 8 * Math.cos((a * Math.PI) / 180));
      const y = Math.round(28 + 8 * Math.sin((a * Math.PI) / 180));
      lines[y * w + x] = 1;
    }
    const chains = traceLines(lines, w, w);
    expect(chains.length).toBe(2);
    const line = chains.find((c) => c.every((p) => p.y === 10.5));
    expect(line).toBeDefined();
    expect(line?.length).toBe(2); // a straight run simplifies to its two ends
    expect(Math.abs((line?.[0]?.x ?? 0) - (line?.[1]?.x ?? 0))).toBe(24);
  });

  it('drops specks shorter than the minimum', () => {
    const lines = new Uint8Array(100);
    lines[55] = 1;
    expect(traceLines(lines, 10, 10)).toEqual([]);
  });

  it('simplify keeps corners', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 5, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 5 },
      { x: 10, y: 10 },
    ];
    expect(simplify(pts, 0.5)).toEqual([pts[0], pts[2], pts[4]]);
  });
});

describe('polygonFillStrokes', () => {
  it('covers a polygon without gaps and without spilling far', () => {
    const tri = [
      { x: 10, y: 10 },
      { x: 50, y: 10 },
      { x: 30, y: 50 },
    ];
    const strokes = polygonFillStrokes(tri, 3).map((s) => ({
      tool: 'paint' as const,
      width: s.width,
      points: s.points,
    }));
    const cov = binarize(rasterizeCoverage(strokes, { x: 0, y: 0, size: 64, resolution: 64 }));
    let missed = 0;
    let spilled = 0;
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 64; x++) {
        const inside = insidePolygon(tri, x + 0.5, y + 0.5);
        if (inside && !cov[y * 64 + x]) missed++;
        if (!inside && cov[y * 64 + x]) spilled++;
      }
    }
    expect(missed).toBe(0);
    // Round caps and the half-row overlap spill a little: under a third of the area (800 px).
    expect(spilled).toBeLessThan(270);
  });
});

describe('face-part presets and placement', () => {
  it('places parts inside the work area like the aligned training faces', () => {
    const eye = facePartRect('left-eye', { x: 100, y: 200, size: 400 });
    expect(eye.x + eye.width / 2).toBeCloseTo(100 + 0.295 * 400, 5);
    expect(eye.y + eye.height / 2).toBeCloseTo(200 + 0.285 * 400, 5);
    const both = facePartRect('both-eyes', { x: 0, y: 0, size: 100 });
    expect(both.width).toBeGreaterThan(50);
  });

  it('snaps a region to the same relative place in the target work area', () => {
    const t = snapPlacement(
      { x: 150, y: 120 },
      { x: 100, y: 100, size: 100 },
      { x: 1000, y: 500, size: 400 },
    );
    expect(t).toEqual({ x: 1200, y: 580, scale: 4, angle: 0 });
  });
});

function pathLength(points: readonly { x: number; y: number }[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { x: number; y: number };
    const b = points[i] as { x: number; y: number };
    length += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return length;
}

describe('colour walks', () => {
  const size = 64;
  /** Left half skin, right half dark hair, a vertical sketch line between them. */
  function halves() {
    const rgb = new Uint8Array(size * size * 3);
    const lines = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const c = x < 32 ? [216, 168, 144] : [60, 40, 30];
        rgb.set(c, 3 * (y * size + x));
        if (x === 32) lines[y * size + x] = 1;
      }
    }
    return { rgb, lines, inside: new Uint8Array(size * size).fill(1) };
  }

  it('walks within one colour, never across a line, one mean colour per stroke', () => {
    const { rgb, lines, inside } = halves();
    const walks = colorWalks(bilateralFilter(rgb, size, size), inside, lines, size, { count: 6 });
    expect(walks.length).toBeGreaterThanOrEqual(3);
    expect(walks.length).toBeLessThanOrEqual(6);
    for (const walk of walks) {
      const left = walk.points.every((p) => p.x < 32);
      const right = walk.points.every((p) => p.x > 33);
      expect(left || right).toBe(true);
      expect(walk.rgb.map(Math.round)).toEqual(left ? [216, 168, 144] : [60, 40, 30]);
    }
    // Both sides get colour, and strokes are walks, not dabs.
    expect(walks.some((w) => w.points.every((p) => p.x < 32))).toBe(true);
    expect(walks.some((w) => w.points.every((p) => p.x > 33))).toBe(true);
    expect(Math.max(...walks.map((w) => pathLength(w.points)))).toBeGreaterThan(10);
  });

  it('is deterministic for a seed, and a different seed draws differently', () => {
    const { rgb, lines, inside } = halves();
    const filtered = bilateralFilter(rgb, size, size);
    const a = colorWalks(filtered, inside, lines, size, { seed: 3 });
    expect(colorWalks(filtered, inside, lines, size, { seed: 3 })).toEqual(a);
    expect(colorWalks(filtered, inside, lines, size, { seed: 4 })).not.toEqual(a);
  });

  it('relights half-way (square root) by the ratio of the brighter halves’ mean colours, clamped', () => {
    const n = 4;
    const inside = new Uint8Array(n).fill(1);
    const source = Uint8Array.from([100, 100, 200, 100, 100, 200, 10, 10, 10, 10, 10, 10]);
    const target = Uint8Array.from([200, 150, 100, 200, 150, 100, 0, 0, 0, 0, 0, 0]);
    const gain = relightGain(source, target, inside);
    expect(gain[0]).toBeCloseTo(Math.sqrt(201 / 101), 6);
    expect(gain[1]).toBeCloseTo(Math.sqrt(151 / 101), 6);
    expect(gain[2]).toBeCloseTo(Math.sqrt(101 / 201), 6);
    expect(
      relightGain(
        Uint8Array.from(Array(12).fill(20)),
        Uint8Array.from(Array(12).fill(250)),
        inside,
      ),
    ).toEqual([2, 2, 2]);
  });
});

describe('regionToStrokes', () => {
  let sketcher: SketchDomain;
  beforeAll(async () => {
    sketcher = await SketchDomain.open(MODELS_DIR, 2);
  });
  afterAll(() => sketcher.dispose());

  it('turns a region into lines, flat colours and a mask, all in region space', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#d8a890"/><ellipse cx="200" cy="150" rx="60" ry="30" fill="#402820"/><circle cx="200" cy="150" r="14" fill="#3060a0"/></svg>`;
    const bytes = await sharp(Buffer.from(svg)).png().toBuffer();
    const source = await photoSourceFromBytes('eye', bytes);
    const selection = rectPolygon(120, 100, 160, 100);
    const region = await regionToStrokes(sketcher, source, { x: 50, y: 0, size: 300 }, selection);
    expect(region.origin).toEqual({ x: 200, y: 150 });
    expect(region.linePixels).toBeGreaterThan(50);
    expect(region.channels.sketch.length).toBeGreaterThan(0);
    expect(region.channels.color.length).toBeGreaterThan(3);
    expect(region.channels.mask.length).toBeGreaterThan(3);
    // Every stroke lies within the (slightly dilated) selection, around the origin.
    for (const s of [
      ...region.channels.sketch,
      ...region.channels.color,
      ...region.channels.mask,
    ]) {
      for (const p of s.points) {
        expect(Math.abs(p.x)).toBeLessThanOrEqual(80 * 1.12 + 1);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(50 * 1.12 + 1);
      }
    }
    // Colour strokes are few and long, like the training ones, one flat colour each: the skin's
    // is exact (the filters keep a flat area's colour).
    const colours = new Set(region.channels.color.map((s) => s.color));
    expect([...colours].some((c) => c === '#d8a890')).toBe(true);
    expect(region.channels.color.length).toBeLessThanOrEqual(10);
    const scale = 300 / 256;
    const longest = Math.max(...region.channels.color.map((s) => pathLength(s.points) / scale));
    expect(longest).toBeGreaterThan(20);
    // None on the iris: the sketch draws its circle, so the colour is left to the network.
    for (const s of region.channels.color) {
      for (const p of s.points) expect(Math.hypot(p.x, p.y)).toBeGreaterThan(14);
    }
    // The same selection gives the same strokes (ids aside).
    const again = await regionToStrokes(sketcher, source, { x: 50, y: 0, size: 300 }, selection);
    const shape = (strokes: readonly Stroke[]) => strokes.map(({ id: _id, ...rest }) => rest);
    expect(shape(again.channels.color)).toEqual(shape(region.channels.color));
    // Ids are unique.
    const ids = [...region.channels.sketch, ...region.channels.color, ...region.channels.mask].map(
      (s) => s.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
