/**
 * Where face parts are: from the face's own 68 landmarks when the backend found them (iBUG
 * order, electron/core/faces/face-landmarks.ts), else inside a work area that frames a face the
 * way the network was trained (dlib-aligned crops: models/training/guidance.py, FACE_PARTS,
 * measured on the mean training face). Used for copy-paste presets and for snapping a pasted
 * part onto the target's part.
 */
import type { Point } from '../document/transform';
import type { WorkArea } from '../document/work-area';

/** The 68 iBUG points: the image-left eye is 36–41, as 'left-eye' is the image-left one. */
export const LANDMARK_COUNT = 68;
const LANDMARK_RANGES: Record<string, readonly [number, number]> = {
  'left-eye': [36, 42],
  'right-eye': [42, 48],
  'left-brow': [17, 22],
  'right-brow': [22, 27],
  nose: [27, 36],
  mouth: [48, 68],
};

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

/**
 * The part's rectangle in photo pixels, with a margin (default 35%) so the selection has context:
 * around the face's own landmarks when given (68 points), else where the mean face has it.
 */
export function facePartRect(
  part: FacePartName,
  area: WorkArea,
  margin = 0.35,
  landmarks?: readonly Point[] | null,
): PartRect {
  if (part === 'both-eyes')
    return union(
      facePartRect('left-eye', area, margin, landmarks),
      facePartRect('right-eye', area, margin, landmarks),
    );
  if (part === 'brows')
    return union(
      facePartRect('left-brow', area, margin, landmarks),
      facePartRect('right-brow', area, margin, landmarks),
    );
  if (landmarks && landmarks.length === LANDMARK_COUNT)
    return landmarkRect(part, landmarks, margin);
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

/**
 * A part's rectangle around its landmarks. The outline points mark the eye's opening, a brow's
 * line, the nose from bridge to nostrils and the lips; the half sizes grow them to what the
 * mean-face rectangles cover (an eye with its lids: half as tall as it is wide; a brow with the
 * skin around it), so a preset selects the same kind of region either way.
 */
function landmarkRect(part: FacePartName, landmarks: readonly Point[], margin: number): PartRect {
  const [from, to] = LANDMARK_RANGES[part] as readonly [number, number];
  const points = landmarks.slice(from, to);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const width = x1 - x0;
  const height = y1 - y0;
  const [halfW, halfH] =
    part === 'left-eye' || part === 'right-eye'
      ? [0.6 * width, Math.max(0.3 * width, 0.6 * height)]
      : part === 'left-brow' || part === 'right-brow'
        ? [0.55 * width, Math.max(0.2 * width, 0.6 * height)]
        : part === 'nose'
          ? [Math.max(0.6 * width, 0.3 * height), 0.55 * height]
          : [0.58 * width, Math.max(0.3 * width, 0.6 * height)];
  const w = 2 * halfW * (1 + margin);
  const h = 2 * halfH * (1 + margin);
  return { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, width: w, height: h };
}
