/**
 * Brush sizes, one per family of tools, in photo pixels. Families share a size where the tools
 * are two sides of one gesture (the mask brush and the mask eraser), so switching between them
 * does not surprise.
 */
export type BrushFamily = 'mask' | 'sketch' | 'color' | 'eraser';

export type BrushSizes = Readonly<Record<BrushFamily, number>>;

/**
 * Defaults as fractions of the work area, because the network sees the work area scaled to its
 * own resolution: a sketch line of 1/256 of it is about one pixel at the model's input, thick
 * enough to survive the downscale and thin like the training sketches; the mask and color
 * brushes are sized to cover an eye or a lip in a few strokes.
 */
const DEFAULT_FRACTION: BrushSizes = {
  mask: 1 / 16,
  sketch: 1 / 256,
  color: 1 / 32,
  eraser: 1 / 24,
};

export const MIN_BRUSH_SIZE = 1;
export const MAX_BRUSH_SIZE = 5000;
/** `[` and `]` multiply by this: equal steps at every size, as the eye perceives them. */
export const BRUSH_SIZE_STEP = 1.25;

export function initialBrushSizes(workAreaSize: number): BrushSizes {
  const size = (family: BrushFamily): number =>
    clampBrushSize(Math.round(workAreaSize * DEFAULT_FRACTION[family] * 2) / 2);
  return {
    mask: size('mask'),
    sketch: size('sketch'),
    color: size('color'),
    eraser: size('eraser'),
  };
}

export function clampBrushSize(size: number): number {
  return Math.min(MAX_BRUSH_SIZE, Math.max(MIN_BRUSH_SIZE, size));
}

/** One `[`/`]` step, rounded to half pixels so sizes read cleanly in the toolbar. */
export function stepBrushSize(size: number, direction: 'smaller' | 'larger'): number {
  const next = direction === 'larger' ? size * BRUSH_SIZE_STEP : size / BRUSH_SIZE_STEP;
  const rounded = Math.round(next * 2) / 2;
  // At small sizes rounding could undo the step; always move by at least half a pixel.
  const moved = rounded === size ? size + (direction === 'larger' ? 0.5 : -0.5) : rounded;
  return clampBrushSize(moved);
}
