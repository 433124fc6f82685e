import { describe, expect, it } from 'vitest';
import {
  binarize,
  parseHexColor,
  rasterizeColor,
  rasterizeCoverage,
  type RasterFrame,
  type RasterStroke,
} from '../../../shared/raster/rasterize-strokes';

const frame: RasterFrame = { x: 100, y: 200, size: 64, resolution: 32 }; // 2 photo px per raster px
const at = (data: Float32Array, x: number, y: number, res = 32) => data[y * res + x] as number;

describe('rasterizeCoverage', () => {
  it('maps photo coordinates into the frame and scales the width', () => {
    const stroke: RasterStroke = {
      tool: 'paint',
      width: 8,
      points: [
        { x: 110, y: 232 },
        { x: 150, y: 232 },
      ],
    };
    const cov = binarize(rasterizeCoverage([stroke], frame));
    // Photo y 232 → raster row 16; width 8 photo px → 4 raster px: rows 14..17.
    expect([13, 14, 15, 16, 17, 18].map((y) => at(cov, 15, y))).toEqual([0, 1, 1, 1, 1, 0]);
    // Photo x 110..150 → raster 5..25, plus round caps of radius 2.
    expect(at(cov, 3, 16)).toBe(1);
    expect(at(cov, 2, 16)).toBe(0);
    expect(at(cov, 27, 16)).toBe(0);
  });

  it('erases what an erase stroke covers, in document order', () => {
    const paint: RasterStroke = { tool: 'paint', width: 20, points: [{ x: 132, y: 232 }] };
    const erase: RasterStroke = {
      tool: 'erase',
      width: 6,
      points: [
        { x: 100, y: 232 },
        { x: 164, y: 232 },
      ],
    };
    const cov = binarize(rasterizeCoverage([paint, erase], frame));
    expect(at(cov, 16, 16)).toBe(0);
    expect(at(cov, 16, 11)).toBe(1);
    // Paint after the erase covers it again.
    const again = binarize(rasterizeCoverage([paint, erase, paint], frame));
    expect(at(again, 16, 16)).toBe(1);
  });

  it('draws fixed-width lines whatever the stroke width (sketch lines)', () => {
    const stroke: RasterStroke = {
      tool: 'paint',
      width: 40,
      points: [
        { x: 100, y: 233 },
        { x: 164, y: 233 },
      ],
    };
    const cov = binarize(rasterizeCoverage([stroke], frame, { fixedWidth: 1.5 }));
    const column = Array.from({ length: 32 }, (_, y) => at(cov, 16, y));
    expect(column.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(column.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
  });

  it('scales width with pressure only when asked', () => {
    const stroke: RasterStroke = {
      tool: 'paint',
      width: 16,
      points: [
        { x: 100, y: 232, pressure: 0.25 },
        { x: 164, y: 232, pressure: 0.25 },
      ],
    };
    const plain = binarize(rasterizeCoverage([stroke], frame)).reduce((a, b) => a + b, 0);
    const pressured = binarize(rasterizeCoverage([stroke], frame, { pressureAware: true })).reduce(
      (a, b) => a + b,
      0,
    );
    expect(pressured).toBeLessThan(plain / 2);
  });

  it('ignores strokes outside the frame without failing', () => {
    const stroke: RasterStroke = {
      tool: 'paint',
      width: 10,
      points: [
        { x: -500, y: -500 },
        { x: -400, y: -450 },
      ],
    };
    expect(rasterizeCoverage([stroke], frame).some((v) => v > 0)).toBe(false);
  });
});

describe('rasterizeColor', () => {
  it('writes opaque planar RGBA where colour strokes are, later strokes on top', () => {
    const red: RasterStroke = {
      tool: 'paint',
      width: 12,
      color: '#ff0000',
      points: [{ x: 132, y: 232 }],
    };
    const blue: RasterStroke = {
      tool: 'paint',
      width: 4,
      color: '#0000ff',
      points: [{ x: 132, y: 232 }],
    };
    const rgba = rasterizeColor([red, blue], frame);
    const n = 32 * 32;
    const i = 16 * 32 + 16;
    expect([rgba[i], rgba[n + i], rgba[2 * n + i], rgba[3 * n + i]]).toEqual([0, 0, 1, 1]);
    const j = 16 * 32 + 18;
    expect([rgba[j], rgba[n + j], rgba[2 * n + j], rgba[3 * n + j]]).toEqual([1, 0, 0, 1]);
    expect(rgba[3 * n]).toBe(0);
  });
  it('rejects malformed colours', () => {
    expect(() => parseHexColor('red')).toThrow(/#rrggbb/);
    expect(parseHexColor('#80ff00')).toEqual([128 / 255, 1, 0]);
  });
});
