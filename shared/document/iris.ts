/**
 * The iris tool's marks. A mark is stored as what the person meant — an iris here, this big,
 * this color — and expanded into strokes only when something needs pixels (the rasterizer and
 * the canvas both call `expandIrisMark`). Keeping the intent rather than generated strokes means
 * moving, resizing or recoloring an iris is one small edit of one record (one undo step, one
 * tiny patch), the general eraser removes the whole iris instead of leaving half a ring, and the
 * expansion rule can improve later without rewriting saved files.
 *
 * The expansion follows FaceShop's eye tool: the iris outline goes into the sketch input (the
 * network places the eye's edge there) and colour into the colour input — a dark pupil, the
 * iris colour, and a darker limbal ring just inside the outline, since a flat ring of one colour
 * came out as a milky, pupil-less disc. Where the photo had a catchlight (found under the click
 * when the mark is placed), the mask leaves it out: the photo's own highlight stays, exactly.
 */
import { z } from 'zod';
import { HexColorSchema, hexToRgb, rgbToHex, type HexColor, type Rgb } from './color';
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
  /** The photo's catchlight in this iris (photo pixels), kept out of the mask; absent: none. */
  readonly catchlight?:
    { readonly x: number; readonly y: number; readonly radius: number } | undefined;
}

export const IrisMarkSchema = z.object({
  id: IrisMarkIdSchema,
  center: z.object({
    x: z.number().min(-1_000_000).max(1_000_000),
    y: z.number().min(-1_000_000).max(1_000_000),
  }),
  radius: z.number().positive().max(1_000_000),
  color: HexColorSchema,
  catchlight: z
    .object({
      x: z.number().min(-1_000_000).max(1_000_000),
      y: z.number().min(-1_000_000).max(1_000_000),
      radius: z.number().positive().max(1_000_000),
    })
    .optional(),
});

/** Outline width as a fraction of the radius, never under one pixel. */
const OUTLINE_WIDTH_FRACTION = 0.08;
/** The iris colour spans these fractions of the radius; the pupil is inside, the limbus outside. */
const RING_INNER_FRACTION = 0.32;
const RING_OUTER_FRACTION = 0.8;
/** The pupil's radius as a fraction of the iris's (a studio-lit eye: about a third). */
const PUPIL_FRACTION = 0.3;
/** The limbal ring: from the iris colour's outer edge to just inside the outline. */
const LIMBUS_OUTER_FRACTION = 0.96;
/** How much darker than the iris colour the limbal ring is (0: the same, 1: black). */
const LIMBUS_DARKENING = 0.5;
/** The pupil's colour: not pure black, which no photographed pupil is. */
const PUPIL_COLOR: HexColor = '#0e0c0b';
/** About one polyline vertex per two pixels of circumference: round at any size, yet small. */
const PIXELS_PER_VERTEX = 2;
const MIN_VERTICES = 24;
const MAX_VERTICES = 360;

export interface ExpandedIris {
  readonly sketch: Stroke;
  /** Painted in order: the limbal ring, the iris colour, the pupil. */
  readonly colors: readonly Stroke[];
  /**
   * The iris's own mask: a disc over the iris and a margin around it, so an iris placed without
   * mask paint still re-synthesizes its eye (before, it did nothing until a mask was painted),
   * then, where the photo had a catchlight, an erase stroke that keeps it.
   */
  readonly masks: readonly Stroke[];
}

/** The iris's own mask reaches this many radii from its centre (the iris plus a margin). */
export const IRIS_MASK_RADII = 1.6;

export function expandIrisMark(mark: IrisMark): ExpandedIris {
  const ring = (id: string, inner: number, outer: number, color: HexColor): Stroke => ({
    id: `${mark.id}:${id}`,
    tool: 'paint',
    points: circlePoints(mark.center, ((inner + outer) / 2) * mark.radius),
    width: (outer - inner) * mark.radius,
    color,
  });
  const disc = (id: string, radius: number, tool: Stroke['tool'], color?: HexColor): Stroke => ({
    id: `${mark.id}:${id}`,
    tool,
    points: [{ x: mark.center.x, y: mark.center.y, pressure: 1 }],
    width: 2 * radius,
    ...(color === undefined ? {} : { color }),
  });
  const catchlight = mark.catchlight;
  return {
    sketch: {
      id: `${mark.id}:outline`,
      tool: 'paint',
      points: circlePoints(mark.center, mark.radius),
      width: Math.max(1, OUTLINE_WIDTH_FRACTION * mark.radius),
    },
    colors: [
      ring('limbus', RING_OUTER_FRACTION, LIMBUS_OUTER_FRACTION, darker(mark.color)),
      ring('ring', RING_INNER_FRACTION, RING_OUTER_FRACTION, mark.color),
      disc('pupil', PUPIL_FRACTION * mark.radius, 'paint', PUPIL_COLOR),
    ],
    masks: [
      disc('mask', IRIS_MASK_RADII * mark.radius, 'paint'),
      ...(catchlight
        ? [
            {
              id: `${mark.id}:catchlight`,
              tool: 'erase' as const,
              points: [{ x: catchlight.x, y: catchlight.y, pressure: 1 }],
              width: 2 * catchlight.radius,
            },
          ]
        : []),
    ],
  };
}

function darker(color: HexColor): HexColor {
  const { r, g, b } = hexToRgb(color);
  const k = 1 - LIMBUS_DARKENING;
  return rgbToHex({ r: Math.round(r * k), g: Math.round(g * k), b: Math.round(b * k) });
}

/** Luma of a colour, 0–255 (Rec. 601). */
function luma({ r, g, b }: Rgb): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** A catchlight is this much brighter than the iris around it, and at least this bright. */
const CATCHLIGHT_LIFT = 60;
const CATCHLIGHT_MIN_LUMA = 170;
/** Its kept disc, as a fraction of the iris radius (a studio catchlight is a small spot). */
const CATCHLIGHT_FRACTION = 0.16;

/**
 * Where the photo has a catchlight inside the iris at `center`/`radius`: the brightest of a
 * grid of samples within the iris, if it stands out of the iris's median brightness as a
 * highlight does. `sample` reads the photo as shown (null outside it).
 */
export function findCatchlight(
  sample: (point: Point) => Rgb | null,
  center: Point,
  radius: number,
): IrisMark['catchlight'] {
  const steps = 8;
  const seen: { point: Point; luma: number }[] = [];
  for (let j = -steps; j <= steps; j++)
    for (let i = -steps; i <= steps; i++) {
      if (i * i + j * j > steps * steps) continue;
      const point = { x: center.x + (i / steps) * radius, y: center.y + (j / steps) * radius };
      const rgb = sample(point);
      if (rgb) seen.push({ point, luma: luma(rgb) });
    }
  if (seen.length < 8) return undefined;
  const sorted = seen.map((s) => s.luma).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const brightest = seen.reduce((a, b) => (b.luma > a.luma ? b : a));
  if (brightest.luma < CATCHLIGHT_MIN_LUMA || brightest.luma - median < CATCHLIGHT_LIFT)
    return undefined;
  // The highlight's centre: the mean of the samples almost as bright as the brightest.
  const near = seen.filter((s) => s.luma >= brightest.luma - 25);
  const x = near.reduce((a, s) => a + s.point.x, 0) / near.length;
  const y = near.reduce((a, s) => a + s.point.y, 0) / near.length;
  return { x, y, radius: Math.max(1, CATCHLIGHT_FRACTION * radius) };
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
