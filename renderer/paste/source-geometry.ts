/**
 * The source panel's geometry, DOM-free: a rectangle from a drag, a lasso as the pointer draws
 * it, the source work area moved or resized by its handle, and the face-part presets' labels.
 * Everything is in source photo pixels; the panel converts from its own screen pixels.
 */
import { clampWorkArea, type Point, type WorkArea } from '../../shared/document';
import type { FacePartName } from '../../shared/paste/face-parts';
import type { PasteSelection } from '../../shared/paste/paste-api';

export interface PhotoSize {
  readonly width: number;
  readonly height: number;
}

export type SourceTool = 'rectangle' | 'lasso' | 'work-area';

/** The presets the panel offers, in reading order, with their button labels. */
export const PART_PRESETS: readonly { readonly part: FacePartName; readonly label: string }[] = [
  { part: 'left-eye', label: 'Left eye' },
  { part: 'right-eye', label: 'Right eye' },
  { part: 'both-eyes', label: 'Both eyes' },
  { part: 'nose', label: 'Nose' },
  { part: 'mouth', label: 'Mouth' },
  { part: 'brows', label: 'Brows' },
];

/** Layer names for pasted presets ("Left eye"), so the layers panel says what was pasted. */
export function selectionLabel(selection: PasteSelection): string {
  switch (selection.kind) {
    case 'face-part':
      return PART_PRESETS.find((p) => p.part === selection.part)?.label ?? selection.part;
    case 'rectangle':
      return 'Pasted rectangle';
    case 'lasso':
      return 'Pasted lasso';
  }
}

function clampPoint(p: Point, photo: PhotoSize): Point {
  return {
    x: Math.min(photo.width, Math.max(0, p.x)),
    y: Math.min(photo.height, Math.max(0, p.y)),
  };
}

/** The rectangle spanned by a drag, inside the photo; null while it has no area. */
export function rectangleFromDrag(a: Point, b: Point, photo: PhotoSize): PasteSelection | null {
  const p = clampPoint(a, photo);
  const q = clampPoint(b, photo);
  const width = Math.abs(q.x - p.x);
  const height = Math.abs(q.y - p.y);
  if (width < 1 || height < 1) return null;
  return { kind: 'rectangle', x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width, height };
}

/** Adds a lasso point unless it is within `minDistance` of the last one (pointer jitter). */
export function appendLassoPoint(
  points: readonly Point[],
  p: Point,
  photo: PhotoSize,
  minDistance: number,
): Point[] {
  const point = clampPoint(p, photo);
  const last = points.at(-1);
  if (last && Math.hypot(point.x - last.x, point.y - last.y) < minDistance) return [...points];
  return [...points, point];
}

/** A finished lasso; null when it encloses nothing worth pasting (fewer than three points). */
export function lassoSelection(points: readonly Point[]): PasteSelection | null {
  return points.length >= 3
    ? { kind: 'lasso', points: points.map(({ x, y }) => ({ x, y })) }
    : null;
}

/** How close, in photo pixels, a press must be to the work area's bottom-right corner to resize. */
export function workAreaGrab(
  area: WorkArea,
  p: Point,
  tolerance: number,
): 'resize' | 'move' | 'outside' {
  const corner = { x: area.x + area.size, y: area.y + area.size };
  if (Math.hypot(p.x - corner.x, p.y - corner.y) <= tolerance) return 'resize';
  const inside =
    p.x >= area.x && p.y >= area.y && p.x <= area.x + area.size && p.y <= area.y + area.size;
  return inside ? 'move' : 'outside';
}

export function movedWorkArea(start: WorkArea, dx: number, dy: number, photo: PhotoSize): WorkArea {
  return clampWorkArea(
    { x: start.x + dx, y: start.y + dy, size: start.size },
    { assetId: 'source', ...photo },
  );
}

/** Resized from the bottom-right corner, the top-left corner held. */
export function resizedWorkArea(start: WorkArea, pointer: Point, photo: PhotoSize): WorkArea {
  const wanted = Math.max(pointer.x - start.x, pointer.y - start.y);
  const room = Math.min(photo.width - start.x, photo.height - start.y);
  return clampWorkArea(
    { x: start.x, y: start.y, size: Math.min(room, wanted) },
    { assetId: 'source', ...photo },
  );
}
