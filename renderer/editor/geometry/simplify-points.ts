/**
 * Keeps stroke data small. Pointer events arrive at the screen's rate, and zoomed in they land
 * a fraction of a photo pixel apart; those extra points cost memory, undo patches, file size and
 * rasterization time without changing a single drawn pixel. A point closer than half a photo
 * pixel to the last kept one is dropped; the final point of a stroke is always kept so the
 * stroke ends exactly where the pen lifted.
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
 * When it is too close to the last point it replaces that point instead, unless that is the
 * stroke's first point or the move would crowd the point before it, so the stroke ends at the
 * pen's last position without growing.
 */
export function appendStrokePoint(
  points: StrokePoint[],
  next: StrokePoint,
  spacing = MIN_POINT_SPACING,
): void {
  if (isFarEnough(points.at(-1), next, spacing)) {
    points.push(next);
  } else if (points.length > 1 && isFarEnough(points.at(-2), next, spacing)) {
    points[points.length - 1] = next;
  }
}

/** Simplifies a whole point list (for strokes that did not come from a live drag). */
export function simplifyStrokePoints(
  points: readonly StrokePoint[],
  spacing = MIN_POINT_SPACING,
): StrokePoint[] {
  const kept: StrokePoint[] = [];
  for (const point of points) appendStrokePoint(kept, point, spacing);
  return kept;
}
