/**
 * Draws strokes (document data) onto a 2D context whose transform maps photo pixels to the
 * target. Used by the canvas's layer overlays and the live preview; no Fabric here, only the
 * Canvas 2D API, so the same drawing serves the screen and the test read-back.
 *
 * Erase strokes are drawn with `destination-out`: drawn into a layer's own buffer, they remove
 * that layer's paint beneath them exactly as the rasterizer does for the network (stroke order).
 * Widths follow the stored pressure factor; a stroke whose points all share one factor is drawn
 * as one polyline (round joins, no seams), otherwise segment by segment with each segment's
 * mean width.
 */
import type { PlacementTransform, Stroke } from '../../shared/document';

export interface StrokePaintOptions {
  /** The CSS color of a paint stroke. */
  readonly colorOf: (stroke: Stroke) => string;
  /** Maps region coordinates onto the photo (pasted regions); null for photo pixels. */
  readonly transform: PlacementTransform | null;
  /** The thinnest line drawn, in the strokes' own pixels (keeps hairlines visible zoomed out). */
  readonly minWidth: number;
}

export function paintStrokes(
  ctx: CanvasRenderingContext2D,
  strokes: readonly Stroke[],
  options: StrokePaintOptions,
): void {
  if (strokes.length === 0) return;
  ctx.save();
  const { transform } = options;
  if (transform) {
    ctx.translate(transform.x, transform.y);
    ctx.rotate((transform.angle * Math.PI) / 180);
    ctx.scale(transform.scale, transform.scale);
  }
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.globalCompositeOperation = stroke.tool === 'erase' ? 'destination-out' : 'source-over';
    // Erasing needs any opaque color: destination-out keeps only the source's alpha.
    const color = stroke.tool === 'erase' ? '#000' : options.colorOf(stroke);
    paintStroke(ctx, stroke, color, options.minWidth);
  }
  ctx.restore();
}

function paintStroke(
  ctx: CanvasRenderingContext2D,
  stroke: Stroke,
  color: string,
  minWidth: number,
): void {
  const { points } = stroke;
  const first = points[0];
  if (!first) return;
  const width = (pressure: number): number => Math.max(minWidth, stroke.width * pressure);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  if (points.length === 1) {
    ctx.beginPath();
    ctx.arc(first.x, first.y, width(first.pressure) / 2, 0, 2 * Math.PI);
    ctx.fill();
    return;
  }
  if (points.every((point) => point.pressure === first.pressure)) {
    ctx.lineWidth = width(first.pressure);
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    for (let index = 1; index < points.length; index += 1) {
      const point = points[index];
      if (point) ctx.lineTo(point.x, point.y);
    }
    ctx.stroke();
    return;
  }
  for (let index = 1; index < points.length; index += 1) {
    const from = points[index - 1];
    const to = points[index];
    if (!from || !to) continue;
    ctx.lineWidth = width((from.pressure + to.pressure) / 2);
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }
}
