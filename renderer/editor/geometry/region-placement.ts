/**
 * The geometry of placing a pasted region with handles, Fabric-free so it is unit-testable: the
 * region's box (its mask's extent in region coordinates), where that box and its handles are on
 * the photo for a transform, what a press hits, and the transform a drag produces.
 *
 * - Inside the box: move. The region's origin (the selection's centre) snaps onto the target's
 *   matching face part when it comes near one (shared/paste/placement.ts).
 * - A corner: scale about the origin, by the ratio of the pointer's distance from it.
 * - The knob above the top edge: rotate about the origin, by the angle swept around it.
 *
 * Handle sizes are in view pixels, so they stay grabbable at any zoom.
 */
import {
  toPhotoPoint,
  type PastedRegionLayer,
  type PlacementTransform,
  type Point,
  type WorkArea,
} from '../../../shared/document';
import { snapToFacePart } from '../../../shared/paste/placement';
import type { FacePartName } from '../../../shared/paste/face-parts';

export const REGION_HANDLE_VIEW_PIXELS = 10;
/** How far above the box's top edge the rotation knob sits, in view pixels. */
export const ROTATE_KNOB_VIEW_PIXELS = 28;
export const MIN_REGION_SCALE = 0.05;
export const MAX_REGION_SCALE = 20;

export interface RegionBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The mask's extent (stroke widths included) in region coordinates. */
export function regionBox(layer: PastedRegionLayer): RegionBox {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const strokes = layer.channels.mask.length > 0 ? layer.channels.mask : layer.channels.sketch;
  for (const stroke of strokes) {
    if (stroke.tool !== 'paint') continue;
    const r = stroke.width / 2;
    for (const p of stroke.points) {
      left = Math.min(left, p.x - r);
      top = Math.min(top, p.y - r);
      right = Math.max(right, p.x + r);
      bottom = Math.max(bottom, p.y + r);
    }
  }
  if (!Number.isFinite(left)) return { left: -1, top: -1, right: 1, bottom: 1 };
  return { left, top, right, bottom };
}

export interface RegionFrame {
  /** Top-left, top-right, bottom-right, bottom-left, in photo pixels. */
  readonly corners: readonly [Point, Point, Point, Point];
  readonly rotateKnob: Point;
  /** The region's origin on the photo (what snapping aligns). */
  readonly origin: Point;
}

export function regionFrame(
  box: RegionBox,
  transform: PlacementTransform,
  zoom: number,
): RegionFrame {
  const at = (x: number, y: number): Point => toPhotoPoint(transform, { x, y });
  const corners = [
    at(box.left, box.top),
    at(box.right, box.top),
    at(box.right, box.bottom),
    at(box.left, box.bottom),
  ] as const;
  // Straight "up" from the top edge's middle, in the region's rotated frame.
  const radians = (transform.angle * Math.PI) / 180;
  const lift = ROTATE_KNOB_VIEW_PIXELS / zoom;
  const topMiddle = at((box.left + box.right) / 2, box.top);
  return {
    corners,
    rotateKnob: {
      x: topMiddle.x + lift * Math.sin(radians),
      y: topMiddle.y - lift * Math.cos(radians),
    },
    origin: { x: transform.x, y: transform.y },
  };
}

export type RegionHit =
  | { readonly kind: 'rotate' }
  | { readonly kind: 'scale'; readonly corner: number }
  | { readonly kind: 'move' }
  | { readonly kind: 'none' };

function insideQuad(quad: readonly Point[], p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i] as Point;
    const b = quad[(i + 1) % quad.length] as Point;
    const cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

export function regionHitAt(frame: RegionFrame, point: Point, zoom: number): RegionHit {
  const tolerance = REGION_HANDLE_VIEW_PIXELS / zoom;
  const near = (p: Point): boolean => Math.hypot(p.x - point.x, p.y - point.y) <= tolerance;
  if (near(frame.rotateKnob)) return { kind: 'rotate' };
  const corner = frame.corners.findIndex(near);
  if (corner !== -1) return { kind: 'scale', corner };
  return insideQuad(frame.corners, point) ? { kind: 'move' } : { kind: 'none' };
}

export interface PlacementDrag {
  readonly mode: 'move' | 'scale' | 'rotate';
  readonly start: PlacementTransform;
  /** Where the pointer went down, photo pixels. */
  readonly grab: Point;
}

export interface DraggedPlacement {
  readonly transform: PlacementTransform;
  /** The face part a move snapped onto, or null. */
  readonly snappedTo: FacePartName | null;
}

/** Degrees in (-180, 180]. */
export function normalizeAngle(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 ? 180 : wrapped;
}

/**
 * The transform a drag to `pointer` produces. `snapArea` is the target's work area for moves
 * (null: no snapping, e.g. while Alt is held).
 */
export function dragPlacement(
  drag: PlacementDrag,
  pointer: Point,
  snapArea: WorkArea | null,
  /** The target face's landmarks: snap onto its own parts. */
  landmarks: readonly Point[] | null = null,
): DraggedPlacement {
  const { start, grab } = drag;
  switch (drag.mode) {
    case 'move': {
      const moved = { ...start, x: start.x + pointer.x - grab.x, y: start.y + pointer.y - grab.y };
      if (!snapArea) return { transform: moved, snappedTo: null };
      const snapped = snapToFacePart(moved, snapArea, undefined, landmarks);
      return {
        transform: { ...moved, x: snapped.point.x, y: snapped.point.y },
        snappedTo: snapped.part,
      };
    }
    case 'scale': {
      const from = Math.hypot(grab.x - start.x, grab.y - start.y);
      const to = Math.hypot(pointer.x - start.x, pointer.y - start.y);
      const factor = from > 0 ? to / from : 1;
      const scale = Math.min(MAX_REGION_SCALE, Math.max(MIN_REGION_SCALE, start.scale * factor));
      return { transform: { ...start, scale }, snappedTo: null };
    }
    case 'rotate': {
      const from = Math.atan2(grab.y - start.y, grab.x - start.x);
      const to = Math.atan2(pointer.y - start.y, pointer.x - start.x);
      const angle = normalizeAngle(start.angle + ((to - from) * 180) / Math.PI);
      return { transform: { ...start, angle }, snappedTo: null };
    }
  }
}

/** Arrow keys: one photo pixel, or ten with Shift (at least one view pixel either way). */
export function nudgedPlacement(
  transform: PlacementTransform,
  dx: number,
  dy: number,
): PlacementTransform {
  return { ...transform, x: transform.x + dx, y: transform.y + dy };
}
