/**
 * The general eraser: cuts away the parts of strokes that lie under an eraser path.
 *
 * A stroke point is erased when its center line passes within half the eraser's width of the
 * eraser path. Strokes are polylines whose points may be far apart (a fast straight drag is two
 * points), so an eraser crossing between two points would otherwise miss; segments near the
 * eraser are first subdivided into steps of a quarter of the eraser's width, which puts the cut
 * within that distance of the eraser's edge. The surviving points then fall into runs, and each
 * run of two or more points becomes a stroke: the first keeps the original id (the canvas keeps
 * its object), the others get new ids. Slivers of a single point left at a cut are dropped.
 *
 * Untouched strokes are returned as the very same objects and an untouched list as the very
 * same array, so immer records no change, no undo step and no new revision for an eraser drag
 * that hit nothing.
 */
import type { IrisMark, Point, Stroke, StrokePoint } from '../../../shared/document';
import {
  boundsOf,
  boundsOverlap,
  distance,
  distanceToPolyline,
  type Bounds,
} from './polyline-distance';
import { MIN_POINT_SPACING } from './simplify-points';

export interface EraserPath {
  /** In the same coordinates as the strokes it cuts. */
  readonly points: readonly Point[];
  readonly width: number;
}

/** Guards against a degenerate eraser turning one segment into millions of points. */
const MAX_PIECES_PER_SEGMENT = 4096;

export function eraseFromStrokes(
  strokes: readonly Stroke[],
  eraser: EraserPath,
  newStrokeId: () => string,
): readonly Stroke[] {
  let changed = false;
  const result: Stroke[] = [];
  for (const stroke of strokes) {
    const pieces = cutStroke(stroke, eraser, newStrokeId);
    if (pieces === null) {
      result.push(stroke);
    } else {
      changed = true;
      result.push(...pieces);
    }
  }
  return changed ? result : strokes;
}

/** The pieces of `stroke` the eraser leaves, or null when it does not touch the stroke. */
export function cutStroke(
  stroke: Stroke,
  eraser: EraserPath,
  newStrokeId: () => string,
): Stroke[] | null {
  const reach = eraser.width / 2;
  const eraserBounds = boundsOf(eraser.points, reach);
  if (eraser.points.length === 0 || !boundsOverlap(boundsOf(stroke.points), eraserBounds)) {
    return null;
  }
  const points = densifyNear(stroke.points, eraserBounds, Math.max(reach / 2, MIN_POINT_SPACING));
  const erased = points.map((point) => distanceToPolyline(point, eraser.points) <= reach);
  if (!erased.includes(true)) return null;

  const runs: StrokePoint[][] = [];
  let run: StrokePoint[] = [];
  points.forEach((point, index) => {
    if (erased[index]) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push(point);
    }
  });
  if (run.length > 0) runs.push(run);

  return runs
    .filter((piece) => piece.length >= 2)
    .map((piece, index) => ({
      ...stroke,
      id: index === 0 ? stroke.id : newStrokeId(),
      points: piece,
    }));
}

/** Iris marks whose disc the eraser path touches are removed whole; see iris.ts for why. */
export function eraseIrisMarks(
  marks: readonly IrisMark[],
  eraser: EraserPath,
): readonly IrisMark[] {
  const reach = eraser.width / 2;
  const kept = marks.filter(
    (mark) => distanceToPolyline(mark.center, eraser.points) > mark.radius + reach,
  );
  return kept.length === marks.length ? marks : kept;
}

/** Subdivides the segments whose bounds meet `near` so no two points are over `step` apart. */
function densifyNear(points: readonly StrokePoint[], near: Bounds, step: number): StrokePoint[] {
  const first = points[0];
  if (first === undefined) return [];
  const result: StrokePoint[] = [first];
  for (let index = 1; index < points.length; index += 1) {
    const start = points[index - 1] as StrokePoint;
    const end = points[index] as StrokePoint;
    if (boundsOverlap(boundsOf([start, end]), near)) {
      const pieces = Math.min(MAX_PIECES_PER_SEGMENT, Math.ceil(distance(start, end) / step));
      for (let piece = 1; piece < pieces; piece += 1) {
        const t = piece / pieces;
        result.push({
          x: start.x + (end.x - start.x) * t,
          y: start.y + (end.y - start.y) * t,
          pressure: start.pressure + (end.pressure - start.pressure) * t,
        });
      }
    }
    result.push(end);
  }
  return result;
}
