/**
 * Reliability finding 4: a layer of ~125,000 strokes overflowed the stack when its strokes were
 * spread into one push() (render, synthesize and export all failed with "Maximum call stack
 * size exceeded"). The channels are now filled stroke by stroke. Finding 3: stroke data was a
 * CPU and memory bomb; every rasterization now prices its work first and refuses a document
 * beyond the budget.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkInputs } from '../../../shared/document/network-view';
import { channelStrokes } from '../../../shared/raster/network-strokes';
import { polygonFillStrokes } from '../../../shared/raster/fill-strokes';
import {
  MAX_RASTER_WORK,
  RasterBudgetError,
  rasterWork,
  rasterizeColor,
  rasterizeCoverage,
} from '../../../shared/raster/rasterize-strokes';

describe('very many strokes', () => {
  it('150,000 strokes in one layer, and in a placed (pasted) layer, reach their channels', () => {
    const strokes = Array.from({ length: 150_000 }, (_, i) => ({
      id: `s${i}`,
      tool: 'paint' as const,
      width: 2,
      points: [{ x: i % 500, y: Math.floor(i / 500), pressure: 0.5 }],
    }));
    const inputs = {
      photo: { assetId: 'p', width: 500, height: 500 },
      workArea: { x: 0, y: 0, size: 500 },
      seed: 0,
      groups: [
        { layerId: 'a', channel: 'mask', strokes, transform: null },
        {
          layerId: 'b',
          channel: 'sketch',
          strokes,
          transform: { x: 10, y: 20, scale: 2, angle: 0 },
        },
      ],
    } as unknown as NetworkInputs;
    const out = channelStrokes(inputs);
    expect(out.mask).toHaveLength(150_000);
    expect(out.sketch).toHaveLength(150_000);
    expect(out.sketch[0]?.width).toBe(4);
  });

  it('a lasso of 200,000 points fills without overflowing', () => {
    const polygon = Array.from({ length: 200_000 }, (_, i) => {
      const t = (i / 200_000) * 2 * Math.PI;
      return { x: 100 + 80 * Math.cos(t), y: 100 + 80 * Math.sin(t) };
    });
    const rows = polygonFillStrokes(polygon, 4);
    expect(rows.length).toBeGreaterThan(35);
  });
});

describe('the rasterization budget (reliability finding 3)', () => {
  const frame = { x: 0, y: 0, size: 2000, resolution: 2000 };
  const line = (n: number, width: number) => ({
    tool: 'paint' as const,
    width,
    points: Array.from({ length: n }, (_, i) => ({ x: (i * 7) % 2000, y: (i * 13) % 2000 })),
  });

  it('a hostile document (four 50k-point strokes 5,000 px wide) is refused before any work', () => {
    const strokes = [1, 2, 3, 4].map(() => line(50_000, 5000));
    expect(rasterWork(strokes, frame)).toBeGreaterThan(MAX_RASTER_WORK);
    expect(() => rasterizeCoverage(strokes, frame)).toThrow(RasterBudgetError);
    expect(() => rasterizeCoverage(strokes, frame)).toThrow(/too many or too wide strokes/);
    expect(() => rasterizeColor(strokes, frame)).toThrow(RasterBudgetError);
  });

  it('a heavy real edit (a hundred 200-px strokes of 300 points) stays within it', () => {
    const strokes = Array.from({ length: 100 }, (_, k) => ({
      tool: 'paint' as const,
      width: 200,
      points: Array.from({ length: 300 }, (_, i) => ({ x: 200 + i * 5, y: 100 + k * 18 })),
    }));
    const work = rasterWork(strokes, frame);
    expect(work).toBeLessThan(MAX_RASTER_WORK);
    expect(work).toBeGreaterThan(1e8);
    const coverage = rasterizeCoverage(strokes.slice(0, 2), { ...frame, resolution: 500 });
    expect(coverage.some((v) => v > 0.5)).toBe(true);
  });
});
