/**
 * Smart copy-paste's conversion (FaceShop sec. 6): a region of a source face becomes strokes —
 * its line drawing in the sketch domain plus colour strokes of its flat colours — rather than
 * pixels, so the network re-renders the feature in the target's lighting, skin and resolution.
 *
 * The source work area is rendered at the model's resolution (the scale the sketch domain and
 * the network were trained at), the one sketch-domain graph finds its lines, the lines inside
 * the selection are traced into polylines, a few colour strokes walk the median + bilateral
 * filtered colours the way the training colour strokes do (color-walks.ts: long, one colour
 * each, off the lines), and the selection, slightly dilated, becomes the region's mask as fill
 * strokes. Every
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
import { bilateralFilter, colorWalks } from './color-walks';

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
  /** Seeds the colour strokes (default 1): the same selection always gives the same strokes. */
  readonly seed?: number;
  /**
   * The target photo and work area: the colour strokes are relit towards the target's light,
   * comparing the region's colours at the same place in both work areas (`relightGain`).
   */
  readonly relightTo?: { readonly source: PhotoSource; readonly area: WorkArea };
}

type Rgb = [number, number, number];

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

/** The colour strokes' source: median then bilateral filter, as in training. */
async function filtered3(rgb: Uint8Array, r: number): Promise<Uint8Array> {
  const median = await sharp(rgb, { raw: { width: r, height: r, channels: 3 } })
    .median(5)
    .raw()
    .toBuffer();
  return bilateralFilter(new Uint8Array(median), r, r);
}

async function filteredWorkArea(
  source: PhotoSource,
  area: WorkArea,
  r: number,
): Promise<Uint8Array> {
  return filtered3(await renderWorkArea(source.open(), source.width, source.height, area, r), r);
}

/**
 * Per-channel gain from the source's light towards the target's over `inside`: the square root
 * of the ratio of the mean colours of the brighter half of each (skin and eye white rather than
 * brows, lashes and iris, whose amount differs from face to face), clamped to [0.5, 2]. Half-way
 * in log terms, because two different faces' means differ by their skin as well as their light;
 * in the e2e paste the full ratio washed the eye out (F1 below the untouched photo's, twice).
 */
export function relightGain(
  source: Uint8Array,
  target: Uint8Array,
  inside: Uint8Array,
): [number, number, number] {
  const brightMean = (rgb: Uint8Array): [number, number, number] => {
    const pixels: number[] = [];
    for (let i = 0; i < inside.length; i++) if (inside[i]) pixels.push(i);
    const grey = (i: number) =>
      (rgb[3 * i] as number) + (rgb[3 * i + 1] as number) + (rgb[3 * i + 2] as number);
    pixels.sort((a, b) => grey(b) - grey(a));
    const bright = pixels.slice(0, Math.max(1, Math.ceil(pixels.length / 2)));
    const sum = [0, 0, 0];
    for (const i of bright) {
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] as number) + (rgb[3 * i + c] as number);
    }
    return sum.map((v) => v / bright.length) as [number, number, number];
  };
  const s = brightMean(source);
  const t = brightMean(target);
  return s.map((v, c) =>
    Math.min(2, Math.max(0.5, Math.sqrt(((t[c] as number) + 1) / (v + 1)))),
  ) as [number, number, number];
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

  // Mask: the selection grown about its centre, as fill strokes.
  const grow = 1 + (options.dilation ?? 0.12);
  const pcx = polygon.reduce((s, p) => s + p.x, 0) / polygon.length;
  const pcy = polygon.reduce((s, p) => s + p.y, 0) / polygon.length;
  const grown = polygon.map((p) => ({ x: pcx + (p.x - pcx) * grow, y: pcy + (p.y - pcy) * grow }));
  // Colours: a few strokes walked like the training colour strokes, on the filtered source,
  // anywhere in the mask (the grown selection).
  const filtered = await filtered3(rgb, r);
  const inside = new Uint8Array(r * r);
  for (let y = 0; y < r; y++) {
    for (let x = 0; x < r; x++) {
      if (insidePolygon(grown, x + 0.5, y + 0.5)) inside[y * r + x] = 1;
    }
  }
  const gain = options.relightTo
    ? relightGain(
        filtered,
        await filteredWorkArea(options.relightTo.source, options.relightTo.area, r),
        inside,
      )
    : ([1, 1, 1] as const);
  const color = colorWalks(filtered, inside, lines, r, { seed: options.seed ?? 1 }).map((walk) =>
    stroke(
      walk.points,
      walk.width,
      toHex(...(walk.rgb.map((v, c) => Math.min(255, v * (gain[c] as number))) as Rgb)),
    ),
  );

  const mask = polygonFillStrokes(grown, Math.max(2, r / 40)).map((s) => stroke(s.points, s.width));

  return { channels: { mask, sketch, color }, origin, linePixels };
}
