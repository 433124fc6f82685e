/** Iris expansion, placement transforms, work areas and colors. */
import { describe, expect, it } from 'vitest';
import {
  clampWorkArea,
  defaultWorkArea,
  expandIrisMark,
  findCatchlight,
  hexToRgb,
  normalizeHexColor,
  rgbToHex,
  toLocalPoint,
  toPhotoPoint,
} from '../../../shared/document';

describe('expandIrisMark', () => {
  const mark = { id: 'iris-1', center: { x: 100, y: 50 }, radius: 20, color: '#3366aa' };
  const { sketch, colors, masks } = expandIrisMark(mark);
  const radii = (points: readonly { x: number; y: number }[]) =>
    points.map((p) => Math.hypot(p.x - 100, p.y - 50));
  const band = (stroke: { points: readonly { x: number; y: number }[]; width: number }) => {
    const [r] = radii(stroke.points);
    return [(r ?? 0) - stroke.width / 2, (r ?? 0) + stroke.width / 2] as const;
  };

  it('draws the outline as a closed circle at the radius into the sketch', () => {
    expect(sketch.id).toBe('iris-1:outline');
    expect(sketch.color).toBeUndefined();
    for (const r of radii(sketch.points)) expect(r).toBeCloseTo(20, 6);
    expect(sketch.points[0]).toEqual(sketch.points.at(-1));
    expect(sketch.points.length).toBeGreaterThanOrEqual(24);
  });

  it('paints a darker limbal ring, the iris colour between pupil and limbus, then a dark pupil', () => {
    const [limbus, ring, pupil] = colors;
    if (!limbus || !ring || !pupil) throw new Error('three colour strokes expected');
    expect(ring.color).toBe('#3366aa');
    const [inner, outer] = band(ring);
    expect(inner).toBeGreaterThan(0.25 * 20);
    expect(outer).toBeLessThan(20);
    const [limbusInner, limbusOuter] = band(limbus);
    expect(limbusInner).toBeCloseTo(outer, 6);
    expect(limbusOuter).toBeLessThan(20); // the outline stays free
    expect(limbus.color).toBe('#1a3355'); // half as bright
    expect(pupil.points).toHaveLength(1);
    expect(pupil.width / 2).toBeLessThanOrEqual(inner);
    expect(pupil.color).toBe('#0e0c0b');
  });

  it("masks its own eye, and keeps the photo's catchlight out of the mask", () => {
    expect(masks).toHaveLength(1);
    const withLight = expandIrisMark({ ...mark, catchlight: { x: 94, y: 44, radius: 3 } });
    expect(withLight.masks.map((stroke) => stroke.tool)).toEqual(['paint', 'erase']);
    expect(withLight.masks[1]).toMatchObject({ points: [{ x: 94, y: 44 }], width: 6 });
  });
});

describe('findCatchlight', () => {
  // A grey iris (luma ~90) with a white highlight up and left of the centre.
  const eye = (highlight: boolean) => (p: { x: number; y: number }) =>
    highlight && Math.hypot(p.x - 94, p.y - 44) < 3
      ? { r: 250, g: 250, b: 250 }
      : { r: 90, g: 90, b: 90 };

  it('finds a highlight that stands out of the iris, and nothing in a plain iris', () => {
    const found = findCatchlight(eye(true), { x: 100, y: 50 }, 20);
    expect(found).toBeDefined();
    expect(Math.hypot((found?.x ?? 0) - 94, (found?.y ?? 0) - 44)).toBeLessThan(3);
    expect(found?.radius).toBeCloseTo(3.2, 6);
    expect(findCatchlight(eye(false), { x: 100, y: 50 }, 20)).toBeUndefined();
    expect(findCatchlight(() => null, { x: 100, y: 50 }, 20)).toBeUndefined();
  });
});

describe('placement transforms', () => {
  const transform = { x: 100, y: 200, scale: 2, angle: 90 };

  it('scales, rotates clockwise, then translates', () => {
    const photo = toPhotoPoint(transform, { x: 10, y: 0 });
    expect(photo.x).toBeCloseTo(100);
    expect(photo.y).toBeCloseTo(220);
  });

  it('inverts exactly', () => {
    const local = { x: 13.5, y: -7.25 };
    const back = toLocalPoint(transform, toPhotoPoint(transform, local));
    expect(back.x).toBeCloseTo(local.x, 9);
    expect(back.y).toBeCloseTo(local.y, 9);
  });
});

describe('work area', () => {
  it('defaults to the largest centered square', () => {
    expect(defaultWorkArea({ assetId: 'p', width: 1000, height: 800 })).toEqual({
      x: 100,
      y: 0,
      size: 800,
    });
    expect(defaultWorkArea({ assetId: 'p', width: 600, height: 901 })).toEqual({
      x: 0,
      y: 150,
      size: 600,
    });
  });

  it('clamps into the photo, rounds, and keeps a minimum size', () => {
    const photo = { assetId: 'p', width: 1000, height: 800 };
    expect(clampWorkArea({ x: 900.4, y: -20, size: 300.6 }, photo)).toEqual({
      x: 699,
      y: 0,
      size: 301,
    });
    expect(clampWorkArea({ x: 10, y: 10, size: 3 }, photo).size).toBe(32);
    expect(clampWorkArea({ x: 0, y: 0, size: 5000 }, photo).size).toBe(800);
    expect(
      clampWorkArea({ x: 0, y: 0, size: 3 }, { assetId: 'p', width: 20, height: 20 }).size,
    ).toBe(20);
  });
});

describe('colors', () => {
  it('normalizes what people type and refuses what is not a color', () => {
    expect(normalizeHexColor('#ABC')).toBe('#aabbcc');
    expect(normalizeHexColor(' 12aBeF ')).toBe('#12abef');
    expect(normalizeHexColor('red')).toBeNull();
    expect(normalizeHexColor('#12345')).toBeNull();
  });

  it('converts between hex and RGB', () => {
    expect(rgbToHex({ r: 255, g: 128.4, b: -3 })).toBe('#ff8000');
    expect(hexToRgb('#ff8000')).toEqual({ r: 255, g: 128, b: 0 });
  });
});
