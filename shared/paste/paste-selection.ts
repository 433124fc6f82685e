/**
 * A paste selection as a polygon in source photo pixels, and why a selection cannot be pasted.
 * Shared so the source panel can refuse before asking the backend, and the backend refuses
 * the same selections whoever asks.
 *
 * Presets and rectangles come out rounded: a face part is the ellipse inscribed in its box (a
 * stadium for the two-part presets, whose box is long and flat), a rectangle keeps its sides but
 * rounds its corners. A square-cornered mask leaves a square seam in the result; the network's
 * training masks around face parts are ellipses and soft-cornered boxes. A lasso stays as drawn.
 */
import type { Point } from '../document/transform';
import type { WorkArea } from '../document/work-area';
import { facePartRect, facePartShape } from './face-parts';
import type { PasteSelection } from './paste-api';

/** Vertices on a rounded outline: enough for a smooth edge at any size a selection has. */
const OUTLINE_VERTICES = 48;

/** The ellipse inscribed in a box, clockwise from the right, its vertices symmetric about the centre. */
export function ellipsePolygon(x: number, y: number, width: number, height: number): Point[] {
  const cx = x + width / 2;
  const cy = y + height / 2;
  return Array.from({ length: OUTLINE_VERTICES }, (_, i) => {
    const a = (2 * Math.PI * i) / OUTLINE_VERTICES;
    return { x: cx + (width / 2) * Math.cos(a), y: cy + (height / 2) * Math.sin(a) };
  });
}

/**
 * A box with its corners rounded by `radius` (clamped to half the shorter side: a stadium at
 * the limit), vertices symmetric about the centre.
 */
export function roundedRectanglePolygon(
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
): Point[] {
  const r = Math.max(0, Math.min(radius, width / 2, height / 2));
  const perCorner = OUTLINE_VERTICES / 4;
  const corners = [
    { cx: x + width - r, cy: y + height - r, from: 0 },
    { cx: x + r, cy: y + height - r, from: Math.PI / 2 },
    { cx: x + r, cy: y + r, from: Math.PI },
    { cx: x + width - r, cy: y + r, from: (3 * Math.PI) / 2 },
  ];
  const points: Point[] = [];
  for (const { cx, cy, from } of corners) {
    for (let i = 0; i <= perCorner; i++) {
      const a = from + ((Math.PI / 2) * i) / perCorner;
      const p = { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) };
      const last = points.at(-1) ?? points[0];
      // A stadium's straight sides have no length: its corner arcs meet end to end.
      if (!last || Math.hypot(p.x - last.x, p.y - last.y) > 1e-9) points.push(p);
    }
  }
  const first = points[0] as Point;
  const last = points.at(-1) as Point;
  if (Math.hypot(first.x - last.x, first.y - last.y) <= 1e-9) points.pop();
  return points;
}

/** How much of a drawn rectangle's shorter side rounds each corner. */
export const RECTANGLE_CORNER_FRACTION = 0.3;

export function selectionPolygon(selection: PasteSelection, sourceArea: WorkArea): Point[] {
  switch (selection.kind) {
    case 'rectangle': {
      const { x, y, width, height } = selection;
      const radius = RECTANGLE_CORNER_FRACTION * Math.min(width, height);
      return roundedRectanglePolygon(x, y, width, height, radius);
    }
    case 'lasso':
      return selection.points.map(({ x, y }) => ({ x, y }));
    case 'face-part': {
      const { x, y, width, height } = facePartRect(
        selection.part,
        sourceArea,
        undefined,
        selection.landmarks,
      );
      return facePartShape(selection.part) === 'ellipse'
        ? ellipsePolygon(x, y, width, height)
        : roundedRectanglePolygon(x, y, width, height, Math.min(width, height) / 2);
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
