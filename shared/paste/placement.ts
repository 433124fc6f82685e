/**
 * Where a pasted region goes on the target, and where it snaps to while the person places it.
 *
 * By default a region lands at the same place relative to the target's work area as it had in
 * the source's, scaled by the ratio of the two squares: with both squares framing a face the way
 * the network was trained, a pasted eye lands on the target's eye. While the person moves it,
 * the region's origin (the selection's centre) snaps onto the nearest aligned face part of the
 * target — an eye, both eyes, the nose, the mouth — when it comes within a few percent of the
 * work area of it, so a transplanted feature sits exactly where the target's own one was.
 */
import type { PlacementTransform, Point } from '../document/transform';
import type { WorkArea } from '../document/work-area';
import { LANDMARK_COUNT, facePartRect, type FacePartName } from './face-parts';

export function defaultPlacement(
  origin: Point,
  sourceArea: WorkArea,
  targetArea: WorkArea,
): PlacementTransform {
  const scale = targetArea.size / sourceArea.size;
  return {
    x: targetArea.x + (origin.x - sourceArea.x) * scale,
    y: targetArea.y + (origin.y - sourceArea.y) * scale,
    scale,
    angle: 0,
  };
}

/**
 * With both faces' landmarks: the similarity transform that puts the source's part onto the
 * target's — the part's centre onto the target part's centre, scaled by the ratio of the eye
 * distances, turned by the difference of the heads' rolls. `origin` is the selection's centre
 * (where the region's local origin is). Null without 68 landmarks on both sides.
 */
export function landmarkPlacement(
  part: FacePartName,
  origin: Point,
  sourceArea: WorkArea,
  source: readonly Point[] | null | undefined,
  targetArea: WorkArea,
  target: readonly Point[] | null | undefined,
): PlacementTransform | null {
  if (source?.length !== LANDMARK_COUNT || target?.length !== LANDMARK_COUNT) return null;
  const from = facePartCentre(part, sourceArea, source);
  const to = facePartCentre(part, targetArea, target);
  const s = eyeLine(source);
  const t = eyeLine(target);
  const scale = t.length / Math.max(1e-6, s.length);
  const angle = ((t.angle - s.angle) * 180) / Math.PI;
  // The origin keeps its offset from the part's centre, scaled and turned like the region.
  const dx = (origin.x - from.x) * scale;
  const dy = (origin.y - from.y) * scale;
  const c = Math.cos(t.angle - s.angle);
  const sn = Math.sin(t.angle - s.angle);
  return { x: to.x + c * dx - sn * dy, y: to.y + sn * dx + c * dy, scale, angle };
}

function eyeLine(points: readonly Point[]): { length: number; angle: number } {
  const mean = (from: number, to: number) => {
    const part = points.slice(from, to);
    return {
      x: part.reduce((a, p) => a + p.x, 0) / part.length,
      y: part.reduce((a, p) => a + p.y, 0) / part.length,
    };
  };
  const a = mean(36, 42);
  const b = mean(42, 48);
  return { length: Math.hypot(b.x - a.x, b.y - a.y), angle: Math.atan2(b.y - a.y, b.x - a.x) };
}

/** The parts a pasted region snaps onto (brows sit too close to the eyes to tell apart). */
export const SNAP_PARTS: readonly FacePartName[] = [
  'left-eye',
  'right-eye',
  'both-eyes',
  'nose',
  'mouth',
];

/** How near, as a fraction of the target work area's side, a region's origin snaps to a part. */
export const SNAP_TOLERANCE = 0.045;

export function facePartCentre(
  part: FacePartName,
  area: WorkArea,
  landmarks?: readonly Point[] | null,
): Point {
  const rect = facePartRect(part, area, undefined, landmarks);
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

export interface SnappedPoint {
  readonly point: Point;
  /** The part it snapped to, or null when none was near enough. */
  readonly part: FacePartName | null;
}

/** `point` moved onto the nearest snap part's centre within the tolerance, else unchanged. */
export function snapToFacePart(
  point: Point,
  targetArea: WorkArea,
  tolerance = SNAP_TOLERANCE,
  /** The target face's 68 landmarks: snap onto its own parts, not the mean face's. */
  landmarks?: readonly Point[] | null,
): SnappedPoint {
  let best: SnappedPoint = { point, part: null };
  let bestDistance = tolerance * targetArea.size;
  for (const part of SNAP_PARTS) {
    const centre = facePartCentre(part, targetArea, landmarks);
    const distance = Math.hypot(centre.x - point.x, centre.y - point.y);
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = { point: centre, part };
    }
  }
  return best;
}

/** A transform's position snapped (scale and angle kept). */
export function snapPlacement(
  transform: PlacementTransform,
  targetArea: WorkArea,
  tolerance = SNAP_TOLERANCE,
): PlacementTransform {
  const { point } = snapToFacePart(transform, targetArea, tolerance);
  return { ...transform, x: point.x, y: point.y };
}
