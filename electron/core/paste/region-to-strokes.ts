/**
 * Smart copy-paste's conversion (FaceShop sec. 6): a region of a source face becomes strokes —
 * its line drawing in the sketch domain plus colour strokes of its flat colours — rather than
 * pixels, so the network re-renders the feature in the target's lighting, skin and resolution.
 *
 * The source work area is rendered at the model's resolution (the scale the sketch domain and
 * the network were trained at), the one sketch-domain graph finds its lines, the lines inside
 * the selection are traced into polylines, colour strokes are laid on a grid wherever the
 * median-filtered colour is locally flat (edges carry no colour stroke: the lines say where they
 * are), and the selection, slightly dilated, becomes the region's mask as fill strokes. Every
 * coordinate comes out in region space: source pixels relative to the selection's centre, which
 * a placement transform maps onto the target.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Stroke, StrokeChannels } from '../../../shared/document';
import { polygonFillStrokes } from '../../../shared/raster/fill-strokes';
import { traceLines, type TracedPoint } from '../../../shared/raster/trace-lines';
import type { SketchDomain } from '../sketch/sketch-domain';
import type { PhotoSource } from '../synthesis/synthesizer';
import { renderWorkArea, type WorkArea } from '../synthesis/work-area';

export interface ConvertedRegion {
  readonly channels: StrokeChannels;
  /** The selection's centre in source photo pixels: region space's origin. */
  readonly origin: TracedPoint;
  /** Line pixels found inside the selection, at the model's resolution (for reports and tests). */
  readonly linePixels: number;
}

export interface ConvertOptions {
  readonly resolution?: number;
  /** Selection growth for the mask, as a fraction of its size (default 0.12). */
  readonly dilation?: number;
}

export function insidePolygon(polygon: readonly TracedPoint[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as TracedPoint;
    const b = polygon[j] as TracedPoint;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export function rectPolygon(x: number, y: number, width: number, height: number): TracedPoint[] {
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ];
}

function toHex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

export async function regionToStrokes(
  sketcher: SketchDomain,
  source: PhotoSource,
  sourceArea: WorkArea,
  selection: readonly TracedPoint[],
  options: ConvertOptions = {},
): Promise<ConvertedRegion> {
  const r = options.resolution ?? 256;
  const scale = sourceArea.size / r; // source pixels per raster pixel
  const rgb = await renderWorkArea(source.open(), source.width, source.height, sourceArea, r);
  const toRaster = (p: TracedPoint): TracedPoint => ({
    x: (p.x - sourceArea.x) / scale,
    y: (p.y - sourceArea.y) / scale,
  });
  const polygon = selection.map(toRaster);
  const cx = selection.reduce((s, p) => s + p.x, 0) / selection.length;
  const cy = selection.reduce((s, p) => s + p.y, 0) / selection.length;
  const origin = { x: cx, y: cy };
  const toRegion = (p: TracedPoint): TracedPoint => ({
    x: sourceArea.x + p.x * scale - cx,
    y: sourceArea.y + p.y * scale - cy,
  });
  const prefix = `paste-${randomUUID().slice(0, 8)}`;
  let counter = 0;
  const stroke = (points: readonly TracedPoint[], width: number, color?: string): Stroke => ({
    id: `${prefix}-${counter++}`,
    tool: 'paint',
    points: points.map((p) => ({ ...toRegion(p), pressure: 1 })),
    width: width * scale,
    ...(color === undefined ? {} : { color }),
  });

  // Lines: the sketch domain inside the selection.
  const found = await sketcher.lines({ data: rgb, width: r, height: r });
  const lines = new Uint8Array(r * r);
  let linePixels = 0;
  for (let y = 0; y < r; y++) {
    for (let x = 0; x < r; x++) {
      if (found.data[y * r + x] && insidePolygon(polygon, x + 0.5, y + 0.5)) {
        lines[y * r + x] = 1;
        linePixels++;
      }
    }
  }
  const sketch = traceLines(lines, r, r).map((chain) => stroke(chain, 1.5));

  // Colours: a grid of short strokes where the filtered colour is flat.
  const filtered = await sharp(rgb, { raw: { width: r, height: r, channels: 3 } })
    .median(5)
    .raw()
    .toBuffer();
  const spacing = Math.max(4, Math.round(r / 18));
  const color: Stroke[] = [];
  for (let gy = spacing / 2; gy < r; gy += spacing) {
    for (let gx = spacing / 2; gx < r; gx += spacing) {
      if (!insidePolygon(polygon, gx, gy)) continue;
      const sum = [0, 0, 0];
      const sq = [0, 0, 0];
      let n = 0;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const x = Math.min(r - 1, Math.max(0, Math.round(gx + dx)));
          const y = Math.min(r - 1, Math.max(0, Math.round(gy + dy)));
          for (let c = 0; c < 3; c++) {
            const v = filtered[3 * (y * r + x) + c] as number;
            sum[c] = (sum[c] as number) + v;
            sq[c] = (sq[c] as number) + v * v;
          }
          n++;
        }
      }
      const mean = sum.map((s) => s / n);
      const spread = Math.sqrt(
        sq.reduce((acc, s, c) => acc + s / n - (mean[c] as number) ** 2, 0) / 3,
      );
      // An edge runs through here: its colour is ambiguous, the sketch lines carry it.
      if (spread > 14) continue;
      const half = spacing * 0.3;
      color.push(
        stroke(
          [
            { x: gx - half, y: gy },
            { x: gx + half, y: gy },
          ],
          spacing * 0.3,
          toHex(mean[0] as number, mean[1] as number, mean[2] as number),
        ),
      );
    }
  }

  // Mask: the selection grown about its centre, as fill strokes.
  const grow = 1 + (options.dilation ?? 0.12);
  const pcx = polygon.reduce((s, p) => s + p.x, 0) / polygon.length;
  const pcy = polygon.reduce((s, p) => s + p.y, 0) / polygon.length;
  const grown = polygon.map((p) => ({ x: pcx + (p.x - pcx) * grow, y: pcy + (p.y - pcy) * grow }));
  const mask = polygonFillStrokes(grown, Math.max(2, r / 40)).map((s) => stroke(s.points, s.width));

  return { channels: { mask, sketch, color }, origin, linePixels };
}
