/**
 * Where a pasted region sits on the photo. Its strokes are stored in the region's own
 * coordinates, so moving, scaling or rotating the region is one small change of this transform
 * instead of a rewrite of every point.
 */
import { z } from 'zod';

export interface PlacementTransform {
  /** Photo pixels: where the region's origin lands. */
  readonly x: number;
  readonly y: number;
  /** Uniform scale, region pixels to photo pixels. */
  readonly scale: number;
  /** Clockwise degrees about the region's origin (the convention of Fabric's `angle`). */
  readonly angle: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const IDENTITY_TRANSFORM: PlacementTransform = { x: 0, y: 0, scale: 1, angle: 0 };

export const PlacementTransformSchema = z.object({
  x: z.number().min(-1_000_000).max(1_000_000),
  y: z.number().min(-1_000_000).max(1_000_000),
  scale: z.number().min(0.01).max(100),
  angle: z.number().min(-360).max(360),
});

/** Region coordinates → photo coordinates: scale, rotate, then translate. */
export function toPhotoPoint(transform: PlacementTransform, local: Point): Point {
  const radians = (transform.angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const sx = local.x * transform.scale;
  const sy = local.y * transform.scale;
  return { x: transform.x + sx * cos - sy * sin, y: transform.y + sx * sin + sy * cos };
}

/** Photo coordinates → region coordinates; the inverse of `toPhotoPoint`. */
export function toLocalPoint(transform: PlacementTransform, photo: Point): Point {
  const radians = (transform.angle * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const dx = photo.x - transform.x;
  const dy = photo.y - transform.y;
  return {
    x: (dx * cos + dy * sin) / transform.scale,
    y: (-dx * sin + dy * cos) / transform.scale,
  };
}
