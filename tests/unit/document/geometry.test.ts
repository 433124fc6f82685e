/** Iris expansion, placement transforms, work areas and colors. */
import { describe, expect, it } from 'vitest';
import {
  clampWorkArea,
  defaultWorkArea,
  expandIrisMark,
  hexToRgb,
  normalizeHexColor,
  rgbToHex,
  toLocalPoint,
  toPhotoPoint,
} from '../../../shared/document';

describe('expandIrisMark', () => {
  const mark = { id: 'iris-1', center: { x: 100, y: 50 }, radius: 20, color: '#3366aa' };
  const { sketch, color } = expandIrisMark(mark);
  const radii = (points: readonly { x: number; y: number }[]) =>
    points.map((p) => Math.hypot(p.x - 100, p.y - 50));

  it('draws the outline as a closed circle at the radius into the sketch', () => {
    expect(sketch.id).toBe('iris-1:outline');
    expect(sketch.color).toBeUndefined();
    for (const r of radii(sketch.points)) expect(r).toBeCloseTo(20, 6);
    expect(sketch.points[0]).toEqual(sketch.points.at(-1));
    expect(sketch.points.length).toBeGreaterThanOrEqual(24);
  });

  it('paints a ring of the iris color between the pupil and the outline', () => {
    expect(color.color).toBe('#3366aa');
    const [r] = radii(color.points);
    const inner = (r ?? 0) - color.width / 2;
    const outer = (r ?? 0) + color.width / 2;
    expect(inner).toBeGreaterThan(0.25 * 20); // the pupil stays free
    expect(outer).toBeLessThan(20); // the outline stays free
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
