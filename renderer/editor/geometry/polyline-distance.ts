/** Distances between points, segments and polylines, in whatever units the points use. */
import type { Point } from '../../../shared/document';

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function distanceToSegment(point: Point, start: Point, end: Point): number {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const lengthSquared = dx * dx + dy * dy;
  if (lengthSquared === 0) return distance(point, start);
  const t = Math.max(
    0,
    Math.min(1, ((point.x - start.x) * dx + (point.y - start.y) * dy) / lengthSquared),
  );
  return Math.hypot(point.x - (start.x + t * dx), point.y - (start.y + t * dy));
}

/** Distance to the nearest point of a polyline; a single point counts as a polyline. */
export function distanceToPolyline(point: Point, polyline: readonly Point[]): number {
  const first = polyline[0];
  if (first === undefined) return Infinity;
  if (polyline.length === 1) return distance(point, first);
  let nearest = Infinity;
  for (let index = 1; index < polyline.length; index += 1) {
    const start = polyline[index - 1] as Point;
    const end = polyline[index] as Point;
    nearest = Math.min(nearest, distanceToSegment(point, start, end));
  }
  return nearest;
}

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function boundsOf(points: readonly Point[], margin = 0): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const point of points) {
    minX = Math.min(minX, point.x);
    minY = Math.min(minY, point.y);
    maxX = Math.max(maxX, point.x);
    maxY = Math.max(maxY, point.y);
  }
  return { minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin };
}

export function boundsOverlap(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}
