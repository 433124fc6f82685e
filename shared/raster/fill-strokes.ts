/**
 * A filled polygon as paint strokes: horizontal scanline strokes whose width overlaps the next
 * row, so the mask of a pasted region is ordinary stroke data (editable, erasable, saved like
 * any brush work) and still covers the polygon without gaps.
 */
import type { TracedPoint } from './trace-lines';

export interface FillStroke {
  readonly points: readonly TracedPoint[];
  readonly width: number;
}

export function polygonFillStrokes(polygon: readonly TracedPoint[], spacing: number): FillStroke[] {
  if (polygon.length < 3 || spacing <= 0) return [];
  // A loop, not Math.min(...ys): a lasso of 100k points would overflow the stack.
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of polygon) {
    if (p.y < top) top = p.y;
    if (p.y > bottom) bottom = p.y;
  }
  const strokes: FillStroke[] = [];
  // Rows every `spacing`, each stroke 1.5× as wide: neighbours overlap by half a row.
  for (let y = top + spacing / 2; y < bottom; y += spacing) {
    const crossings: number[] = [];
    for (let i = 0; i < polygon.length; i++) {
      const a = polygon[i] as TracedPoint;
      const b = polygon[(i + 1) % polygon.length] as TracedPoint;
      if (a.y <= y !== b.y <= y) crossings.push(a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x));
    }
    crossings.sort((p, q) => p - q);
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      strokes.push({
        points: [
          { x: crossings[i] as number, y },
          { x: crossings[i + 1] as number, y },
        ],
        width: spacing * 1.5,
      });
    }
  }
  return strokes;
}
