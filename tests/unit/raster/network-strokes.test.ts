/**
 * Reliability finding 4: a layer of ~125,000 strokes overflowed the stack when its strokes were
 * spread into one push() (render, synthesize and export all failed with "Maximum call stack
 * size exceeded"). The channels are now filled stroke by stroke.
 */
import { describe, expect, it } from 'vitest';
import type { NetworkInputs } from '../../../shared/document/network-view';
import { channelStrokes } from '../../../shared/raster/network-strokes';
import { polygonFillStrokes } from '../../../shared/raster/fill-strokes';

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
