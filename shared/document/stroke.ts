/**
 * Strokes are data: a polyline in photo pixels with a width and, for color strokes, a color.
 * The canvas draws them and the rasterizer turns them into the network's inputs; neither ever
 * becomes the source of truth (DESIGN.md, "The data flow").
 */
import { z } from 'zod';
import { HexColorSchema, type HexColor } from './color';
import { StrokeIdSchema, type StrokeId } from './ids';

/**
 * `paint` adds to its layer. `erase` removes whatever paint of the same layer lies under it
 * when the layer is rasterized (in stroke order), like a rubber on paper: the mask eraser and
 * the sketch eraser draw such strokes. Removing strokes geometrically is the general eraser's
 * job and leaves no stroke behind.
 */
export const StrokeToolSchema = z.enum(['paint', 'erase']);
export type StrokeTool = z.infer<typeof StrokeToolSchema>;

export interface StrokePoint {
  /** Photo pixels (full resolution), origin at the top-left corner. */
  readonly x: number;
  readonly y: number;
  /**
   * Width factor in [0, 1]: the tool has already mapped the pen's pressure through its own
   * curve (the sketch pen is pressure-aware, the mask brush stores 1). The drawn width at this
   * point is `stroke.width * pressure`, see `pointWidth`.
   */
  readonly pressure: number;
}

export interface Stroke {
  readonly id: StrokeId;
  readonly tool: StrokeTool;
  /** At least one point; a single point is a dot. */
  readonly points: readonly StrokePoint[];
  /** Full width in photo pixels at pressure 1. */
  readonly width: number;
  /** Only on paint strokes of the color channel. */
  readonly color?: HexColor;
}

/** Generous bounds: they reject garbage, not big photos or long strokes. */
const MAX_COORDINATE = 1_000_000;
const MAX_POINTS_PER_STROKE = 200_000;

const coordinate = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);

export const StrokePointSchema = z.object({
  x: coordinate,
  y: coordinate,
  pressure: z.number().min(0).max(1),
});

export const StrokeSchema: z.ZodType<Stroke> = z.object({
  id: StrokeIdSchema,
  tool: StrokeToolSchema,
  points: z.array(StrokePointSchema).min(1).max(MAX_POINTS_PER_STROKE),
  width: z.number().positive().max(MAX_COORDINATE),
  color: HexColorSchema.exactOptional(),
});

/** The drawn width at one point of a stroke, in the stroke's own pixels. */
export function pointWidth(stroke: Stroke, point: StrokePoint): number {
  return stroke.width * point.pressure;
}
