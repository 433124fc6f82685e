/**
 * Strokes keep their shape at any zoom and pointer rate (editor issue: a slowly drawn eye
 * outline at 605 % was stored as a trapezoid, a 9-px iris circle as a 3-point dot, because the
 * last point slid along the path). A pen is simulated drawing slowly — 30 screen px per second —
 * at zooms 1–16 and pointer rates 60–1,000 Hz, its events at whole screen pixels, and the stored
 * stroke must stay within a pixel of the drawn path while staying small.
 */
import { describe, expect, it } from 'vitest';
import type { StrokePoint } from '../../../shared/document';
import {
  appendStrokePoint,
  finishStrokePoints,
  MIN_POINT_SPACING,
} from '../../../renderer/editor/geometry/simplify-points';
import { distanceToPolyline } from '../../../renderer/editor/geometry/polyline-distance';

type Shape = { name: string; at: (t: number) => { x: number; y: number }; length: number };

const shapes: Shape[] = [
  {
    name: 'a line',
    at: (t) => ({ x: 100 + 40 * t, y: 100 + 10 * t }),
    length: Math.hypot(40, 10),
  },
  {
    name: 'a circle of 3 px radius',
    at: (t) => ({ x: 100 + 3 * Math.cos(2 * Math.PI * t), y: 100 + 3 * Math.sin(2 * Math.PI * t) }),
    length: 2 * Math.PI * 3,
  },
  {
    name: 'a zig-zag',
    at: (t) => {
      const u = t * 6;
      const k = Math.floor(Math.min(u, 5.999));
      const f = u - k;
      return { x: 100 + u * 4, y: 100 + (k % 2 === 0 ? f : 1 - f) * 6 };
    },
    length: 6 * Math.hypot(4, 6),
  },
  {
    name: 'an almond eye outline',
    at: (t) => {
      const a = 2 * Math.PI * t;
      return { x: 100 + 14 * Math.cos(a), y: 100 + 5 * Math.sin(a) * (1 + 0.3 * Math.cos(a)) };
    },
    length: 62,
  },
];

function draw(
  shape: Shape,
  zoom: number,
  hz: number,
): { stored: StrokePoint[]; truth: StrokePoint[] } {
  const speed = 30; // screen px per second: careful work
  const seconds = (shape.length * zoom) / speed;
  const events = Math.max(2, Math.round(seconds * hz));
  const stored: StrokePoint[] = [];
  const truth: StrokePoint[] = [];
  for (let i = 0; i <= events; i++) {
    const p = shape.at(i / events);
    truth.push({ ...p, pressure: 1 });
    // The pointer reports whole screen pixels; the tool maps them back to photo pixels.
    const screen = { x: Math.round(p.x * zoom), y: Math.round(p.y * zoom) };
    appendStrokePoint(stored, { x: screen.x / zoom, y: screen.y / zoom, pressure: 1 });
  }
  finishStrokePoints(stored);
  return { stored, truth };
}

describe('strokes keep their shape', () => {
  for (const shape of shapes)
    for (const zoom of [1, 2, 6.05, 16])
      for (const hz of [60, 240, 1000])
        it(`${shape.name} at ${zoom * 100} % and ${hz} Hz`, () => {
          const { stored, truth } = draw(shape, zoom, hz);
          // Within the pointer's own rounding plus the point spacing of the drawn path.
          const tolerance = 0.5 / zoom + MIN_POINT_SPACING + 0.05;
          const worst = Math.max(...truth.map((p) => distanceToPolyline(p, stored)));
          expect(worst).toBeLessThanOrEqual(tolerance);
          // It ends where the pen lifted, and stays small: a few points per pixel of path (whole
          // screen pixels zig-zag, so the path as sampled is longer than the shape), never one
          // per pointer event.
          const end = truth.at(-1) as StrokePoint;
          const last = stored.at(-1) as StrokePoint;
          expect(Math.hypot(last.x - end.x, last.y - end.y)).toBeLessThanOrEqual(0.5 / zoom + 0.01);
          for (let i = 1; i < stored.length; i++) {
            const a = stored[i - 1] as StrokePoint;
            const b = stored[i] as StrokePoint;
            expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeGreaterThanOrEqual(MIN_POINT_SPACING);
          }
          expect(stored.length).toBeLessThanOrEqual(
            Math.ceil((3 * shape.length) / MIN_POINT_SPACING) + 4,
          );
        });
});
