/**
 * A paste selection as a polygon in source photo pixels, and why a selection cannot be pasted.
 * Shared so the source panel can refuse before asking the backend, and the backend refuses
 * the same selections whoever asks.
 */
import type { Point } from '../document/transform';
import type { WorkArea } from '../document/work-area';
import { facePartRect } from './face-parts';
import type { PasteSelection } from './paste-api';

export function rectanglePolygon(x: number, y: number, width: number, height: number): Point[] {
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
}

export function selectionPolygon(selection: PasteSelection, sourceArea: WorkArea): Point[] {
  switch (selection.kind) {
    case 'rectangle':
      return rectanglePolygon(selection.x, selection.y, selection.width, selection.height);
    case 'lasso':
      return selection.points.map(({ x, y }) => ({ x, y }));
    case 'face-part': {
      const rect = facePartRect(selection.part, sourceArea);
      return rectanglePolygon(rect.x, rect.y, rect.width, rect.height);
    }
  }
}

/** Shoelace area, unsigned. */
export function polygonArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point;
    const b = polygon[j] as Point;
    twice += (b.x + a.x) * (b.y - a.y);
  }
  return Math.abs(twice) / 2;
}

export function polygonCentroid(polygon: readonly Point[]): Point {
  const n = Math.max(1, polygon.length);
  return {
    x: polygon.reduce((sum, p) => sum + p.x, 0) / n,
    y: polygon.reduce((sum, p) => sum + p.y, 0) / n,
  };
}

/**
 * The smallest selection worth converting, as a fraction of the work area's side: the sketch
 * domain reads the work area at 256 px, so anything under about 6 px there holds no line.
 */
export const MIN_SELECTION_FRACTION = 0.025;

/** Why the selection cannot be converted, or null. */
export function selectionRefusal(polygon: readonly Point[], sourceArea: WorkArea): string | null {
  if (polygon.length < 3) return 'a selection needs at least three points';
  const minSide = MIN_SELECTION_FRACTION * sourceArea.size;
  if (polygonArea(polygon) < minSide * minSide) return 'the selection is too small to paste';
  const centre = polygonCentroid(polygon);
  const inside =
    centre.x >= sourceArea.x &&
    centre.y >= sourceArea.y &&
    centre.x <= sourceArea.x + sourceArea.size &&
    centre.y <= sourceArea.y + sourceArea.size;
  if (!inside) return 'the selection lies outside the source’s work area';
  return null;
}
