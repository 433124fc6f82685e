/**
 * Keeps stroke data small. Pointer events arrive at the screen's rate, and zoomed in they land
 * a fraction of a photo pixel apart; those extra points cost memory, undo patches, file size and
 * rasterization time without changing a single drawn pixel. A point closer than half a photo
 * pixel to the last kept one is dropped, except that the stroke's end always follows the pen, so
 * it ends exactly where the pen lifted.
 */
import type { StrokePoint } from '../../../shared/document';
import { distance } from './polyline-distance';

/** Half a pixel: below what any rasterizer can show. */
export const MIN_POINT_SPACING = 0.5;

/** Whether `next` is far enough from the last kept point to be worth keeping. */
export function isFarEnough(
  lastKept: StrokePoint | undefined,
  next: StrokePoint,
  spacing = MIN_POINT_SPACING,
): boolean {
  return lastKept === undefined || distance(lastKept, next) >= spacing;
}

/**
 * Appends `next` to a stroke being drawn, in place (the tool owns the array during the drag).
 *
 * Kept points are at least `spacing` apart along the path. A point closer than that to the last
 * kept one becomes the stroke's provisional end (so the stroke always ends at the pen) and is
 * replaced by the next such point; it never moves a kept point, so a slow, careful stroke keeps
 * its shape at any zoom and pointer rate. (Replacing the last kept point instead let the end of
 * a slow stroke slide, and an eye outline drawn at 600 % came out as a trapezoid.) The end is
 * provisional exactly when it lies closer than `spacing` to the point before it, which no pair
 * of kept points does, so no extra state is needed.
 */
export function appendStrokePoint(
  points: StrokePoint[],
  next: StrokePoint,
  spacing = MIN_POINT_SPACING,
): void {
  const n = points.length;
  if (n === 0) {
    points.push(next);
    return;
  }
  const provisional = n >= 2 && !isFarEnough(points[n - 2], points[n - 1] as StrokePoint, spacing);
  // A provisional end gives way to the pen's newer position (kept for good once it is far
  // enough from the last kept point); after a kept point, the pen's position is appended.
  if (provisional) points[n - 1] = next;
  else points.push(next);
}

/**
 * Ends a stroke drawn with `appendStrokePoint`, in place: the pen's last position stays the
 * end, kept points within `spacing` of it give way to it (moving the end by less than half a
 * pixel), so every pair of neighbours is at least `spacing` apart; a click, or a drag that never
 * left its first half pixel, stays a one-point dot.
 */
export function finishStrokePoints(points: StrokePoint[], spacing = MIN_POINT_SPACING): void {
  if (points.length < 2) return;
  const end = points.pop() as StrokePoint;
  while (points.length > 1 && !isFarEnough(points.at(-1), end, spacing)) points.pop();
  if (isFarEnough(points.at(-1), end, spacing)) points.push(end);
}

/** Simplifies a whole point list (for strokes that did not come from a live drag). */
export function simplifyStrokePoints(
  points: readonly StrokePoint[],
  spacing = MIN_POINT_SPACING,
): StrokePoint[] {
  const kept: StrokePoint[] = [];
  for (const point of points) appendStrokePoint(kept, point, spacing);
  finishStrokePoints(kept, spacing);
  return kept;
}
