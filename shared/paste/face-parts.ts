/**
 * Where face parts are inside a work area that frames a face the way the network was trained
 * (dlib-aligned crops: models/training/guidance.py, FACE_PARTS, measured on the mean training
 * face). Used for copy-paste presets and for snapping a pasted part onto the target's part.
 */
import type { WorkArea } from '../document/work-area';

export const FACE_PART_NAMES = [
  'left-eye',
  'right-eye',
  'both-eyes',
  'left-brow',
  'right-brow',
  'brows',
  'nose',
  'mouth',
] as const;
export type FacePartName = (typeof FACE_PART_NAMES)[number];

/** Centre and half size as fractions of the work area (x, y, halfWidth, halfHeight). */
const PARTS: Record<string, readonly [number, number, number, number]> = {
  'left-eye': [0.295, 0.285, 0.11, 0.06],
  'right-eye': [0.705, 0.285, 0.11, 0.06],
  'left-brow': [0.29, 0.215, 0.13, 0.045],
  'right-brow': [0.71, 0.215, 0.13, 0.045],
  nose: [0.5, 0.45, 0.09, 0.12],
  mouth: [0.5, 0.7, 0.15, 0.075],
};

export interface PartRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function union(a: PartRect, b: PartRect): PartRect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** The part's rectangle in photo pixels, with a margin (default 35%) so the selection has context. */
export function facePartRect(part: FacePartName, area: WorkArea, margin = 0.35): PartRect {
  if (part === 'both-eyes')
    return union(facePartRect('left-eye', area, margin), facePartRect('right-eye', area, margin));
  if (part === 'brows')
    return union(facePartRect('left-brow', area, margin), facePartRect('right-brow', area, margin));
  const [cx, cy, hw, hh] = PARTS[part] as readonly [number, number, number, number];
  const w = 2 * hw * (1 + margin) * area.size;
  const h = 2 * hh * (1 + margin) * area.size;
  return {
    x: area.x + cx * area.size - w / 2,
    y: area.y + cy * area.size - h / 2,
    width: w,
    height: h,
  };
}

/**
 * The outline a preset selects inside its rectangle: one part is the inscribed ellipse (as the
 * training masks around a part are); the two-part presets are a stadium, since an ellipse as
 * long as both eyes would cut off the outer corners of the lids.
 */
export function facePartShape(part: FacePartName): 'ellipse' | 'stadium' {
  return part === 'both-eyes' || part === 'brows' ? 'stadium' : 'ellipse';
}
