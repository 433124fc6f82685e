/**
 * The edit evaluation's hand-drawn sketches (tests/bench/hand-drawn.ts): lines are traced into
 * strokes, and the redrawn strokes stay near the line they redraw, differ from it, and repeat
 * for the same seed.
 */
import { describe, expect, it } from 'vitest';
import type { LineMap } from '../../../electron/core/sketch/sketch-domain';
import { handDrawn, traceLines } from '../../bench/hand-drawn';

function lineMap(size: number, pixels: ReadonlyArray<readonly [number, number]>): LineMap {
  const data = new Uint8Array(size * size);
  for (const [x, y] of pixels) data[y * size + x] = 1;
  return { data, width: size, height: size };
}

const horizontal = Array.from({ length: 40 }, (_, i) => [10 + i, 32] as const);
const ring = Array.from({ length: 64 }, (_, i) => {
  const a = (i / 64) * 2 * Math.PI;
  return [Math.round(32 + 12 * Math.cos(a)), Math.round(32 + 12 * Math.sin(a))] as const;
});

describe('hand-drawn sketches', () => {
  it('traces a line into one stroke and a closed loop into strokes', () => {
    const strokes = traceLines(lineMap(64, horizontal));
    expect(strokes).toHaveLength(1);
    expect(strokes[0]).toHaveLength(40);
    const loop = traceLines(lineMap(64, ring));
    expect(loop.reduce((n, s) => n + s.length, 0)).toBeGreaterThan(50);
  });

  it('redraws near the line, not on it, the same way for the same seed', () => {
    const map = lineMap(64, horizontal);
    const drawn = handDrawn(map, 7);
    const points = drawn.flat();
    expect(points.length).toBeGreaterThan(10);
    // Wobble, shift and overshoot: within a few pixels of the line, never exactly on it.
    for (const [x, y] of points) {
      expect(Math.abs(y - 32)).toBeLessThan(5);
      expect(x).toBeGreaterThan(10 - 5);
      expect(x).toBeLessThan(49 + 5);
    }
    expect(points.some(([, y]) => Math.abs(y - 32) > 0.3)).toBe(true);
    expect(handDrawn(map, 7)).toEqual(drawn);
    expect(handDrawn(map, 8)).not.toEqual(drawn);
  });
});
