/**
 * The iris tool's marks. A mark is stored as what the person meant — an iris here, this big,
 * this color — and expanded into strokes only when something needs pixels (the rasterizer and
 * the canvas both call `expandIrisMark`). Keeping the intent rather than generated strokes means
 * moving, resizing or recoloring an iris is one small edit of one record (one undo step, one
 * tiny patch), the general eraser removes the whole iris instead of leaving half a ring, and the
 * expansion rule can improve later without rewriting saved files.
 *
 * The expansion follows FaceShop's eye tool: the iris outline goes into the sketch input (the
 * network places the eye's edge there) and a ring of the iris color into the color input. The
 * pupil and a thin margin inside the outline stay uncolored so the network draws the pupil and
 * the limbal edge itself instead of receiving a flat disc of color.
 */
import { z } from 'zod';
import { HexColorSchema, type HexColor } from './color';
import { IrisMarkIdSchema, type IrisMarkId } from './ids';
import type { Stroke, StrokePoint } from './stroke';
import type { Point } from './transform';

export interface IrisMark {
  readonly id: IrisMarkId;
  /** Photo pixels. */
  readonly center: Point;
  /** Photo pixels, to the iris outline. */
  readonly radius: number;
  readonly color: HexColor;
}

export const IrisMarkSchema = z.object({
  id: IrisMarkIdSchema,
  center: z.object({
    x: z.number().min(-1_000_000).max(1_000_000),
    y: z.number().min(-1_000_000).max(1_000_000),
  }),
  radius: z.number().positive().max(1_000_000),
  color: HexColorSchema,
});

/** Outline width as a fraction of the radius, never under one pixel. */
const OUTLINE_WIDTH_FRACTION = 0.08;
/** The colored ring spans these fractions of the radius: pupil inside, margin outside. */
const RING_INNER_FRACTION = 0.35;
const RING_OUTER_FRACTION = 0.85;
/** About one polyline vertex per two pixels of circumference: round at any size, yet small. */
const PIXELS_PER_VERTEX = 2;
const MIN_VERTICES = 24;
const MAX_VERTICES = 360;

export interface ExpandedIris {
  readonly sketch: Stroke;
  readonly color: Stroke;
  /**
   * The iris's own mask: a disc over the iris and a margin around it, so an iris placed without
   * mask paint still re-synthesizes its eye (before, it did nothing until a mask was painted).
   */
  readonly mask: Stroke;
}

/** The iris's own mask reaches this many radii from its centre (the iris plus a margin). */
export const IRIS_MASK_RADII = 1.6;

export function expandIrisMark(mark: IrisMark): ExpandedIris {
  const ringRadius = ((RING_INNER_FRACTION + RING_OUTER_FRACTION) / 2) * mark.radius;
  return {
    sketch: {
      id: `${mark.id}:outline`,
      tool: 'paint',
      points: circlePoints(mark.center, mark.radius),
      width: Math.max(1, OUTLINE_WIDTH_FRACTION * mark.radius),
    },
    color: {
      id: `${mark.id}:ring`,
      tool: 'paint',
      points: circlePoints(mark.center, ringRadius),
      width: (RING_OUTER_FRACTION - RING_INNER_FRACTION) * mark.radius,
      color: mark.color,
    },
    mask: {
      id: `${mark.id}:mask`,
      tool: 'paint',
      points: [{ x: mark.center.x, y: mark.center.y, pressure: 1 }],
      width: 2 * IRIS_MASK_RADII * mark.radius,
    },
  };
}

/** A closed polyline: the first point is repeated at the end so no gap remains. */
function circlePoints(center: Point, radius: number): StrokePoint[] {
  const vertices = Math.min(
    MAX_VERTICES,
    Math.max(MIN_VERTICES, Math.ceil((2 * Math.PI * radius) / PIXELS_PER_VERTEX)),
  );
  const points: StrokePoint[] = [];
  for (let index = 0; index < vertices; index += 1) {
    const angle = (2 * Math.PI * index) / vertices;
    points.push({
      x: center.x + radius * Math.cos(angle),
      y: center.y + radius * Math.sin(angle),
      pressure: 1,
    });
  }
  // The very same point, not cos(2π): rounding would leave a hairline gap in the outline.
  const first = points[0];
  if (first) points.push(first);
  return points;
}
