/**
 * Stroke rasterization for the network: strokes as data (photo pixel coordinates) become the
 * planar float rasters of the model's inputs (DESIGN.md contract 1) for one square frame.
 *
 * Each stroke is a chain of capsules (a segment swept by a disc). A pixel's coverage is the
 * antialiased distance to the nearest capsule: `clamp(radius - distance + 0.5, 0, 1)` at the
 * pixel centre. Paint strokes combine by maximum; an erase stroke multiplies what is under it
 * by `1 - coverage`, so strokes apply in document order exactly like a brush and an eraser.
 *
 * The network was trained on hard-edged inputs (binary masks and sketches one or two pixels
 * wide, opaque colour strokes), so callers binarize: `binarize` at 0.5 keeps a stroke's
 * footprint and makes the result independent of antialiasing details.
 */

export interface RasterPoint {
  readonly x: number;
  readonly y: number;
  /** 0–1; absent means full pressure. */
  readonly pressure?: number;
}

export interface RasterStroke {
  readonly tool: 'paint' | 'erase';
  readonly points: readonly RasterPoint[];
  /** Diameter in photo pixels. */
  readonly width: number;
  /** `#rrggbb`, for colour strokes. */
  readonly color?: string;
}

/** A square of the photo (photo pixels) mapped onto a `resolution` × `resolution` raster. */
export interface RasterFrame {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly resolution: number;
}

export interface CoverageOptions {
  /** Scale the width by the point's pressure (the sketch pen). */
  readonly pressureAware?: boolean;
  /** Draw every stroke with this diameter in raster pixels, whatever its width (sketch lines). */
  readonly fixedWidth?: number;
  /** Never thinner than this many raster pixels, so a stroke never vanishes when zoomed out. */
  readonly minWidth?: number;
}

type Stamp = (index: number, coverage: number) => void;

/**
 * The most pixel visits one rasterization may cost (about 5-10 s of the rasterizer's work on a
 * slow CPU): far beyond any drawn edit — a 2,000-px work area painted over with a hundred
 * 200-px strokes of 300 points costs ~1.3·10⁹ — and a hostile or corrupt document is refused before any work.
 */
export const MAX_RASTER_WORK = 4e9;

export class RasterBudgetError extends Error {
  override readonly name = 'RasterBudgetError';
}

/**
 * The pixel visits `rasterizeCoverage`/`rasterizeColor` would make for these strokes: the sum
 * over every capsule of its bounding box clipped to the raster. O(points), no allocation.
 */
export function rasterWork(
  strokes: readonly RasterStroke[],
  frame: RasterFrame,
  options: CoverageOptions = {},
): number {
  const res = frame.resolution;
  const scale = res / frame.size;
  const minWidth = options.minWidth ?? 0;
  let work = 0;
  for (const stroke of strokes) {
    const pts = stroke.points;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i === 0 ? 0 : i - 1] as RasterPoint;
      const b = pts[i] as RasterPoint;
      if (i === 0 && pts.length > 1) continue;
      const pressure = options.pressureAware ? Math.max(a.pressure ?? 1, b.pressure ?? 1) : 1;
      const reach =
        (options.fixedWidth ?? Math.max(minWidth, stroke.width * scale * pressure)) / 2 + 1;
      const ax = (a.x - frame.x) * scale;
      const ay = (a.y - frame.y) * scale;
      const bx = (b.x - frame.x) * scale;
      const by = (b.y - frame.y) * scale;
      const w =
        Math.min(res, Math.ceil(Math.max(ax, bx) + reach)) -
        Math.max(0, Math.floor(Math.min(ax, bx) - reach));
      const h =
        Math.min(res, Math.ceil(Math.max(ay, by) + reach)) -
        Math.max(0, Math.floor(Math.min(ay, by) - reach));
      if (w > 0 && h > 0) work += w * h;
    }
  }
  return work;
}

function checkBudget(
  strokes: readonly RasterStroke[],
  frame: RasterFrame,
  options: CoverageOptions,
): void {
  const work = rasterWork(strokes, frame, options);
  if (work > MAX_RASTER_WORK)
    throw new RasterBudgetError(
      `This edit has too many or too wide strokes to render (about ${(work / 1e9).toFixed(0)} billion pixel steps, the limit is ${MAX_RASTER_WORK / 1e9}); erase some strokes, or Apply part of the edit first.`,
    );
}

function sweepCapsule(
  res: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  radius: number,
  stamp: Stamp,
): void {
  const reach = radius + 1;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
  const x1 = Math.min(res - 1, Math.ceil(Math.max(ax, bx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach));
  const y1 = Math.min(res - 1, Math.ceil(Math.max(ay, by) + reach));
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      let t = lengthSq > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSq : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = px - (ax + t * dx);
      const ey = py - (ay + t * dy);
      const coverage = radius - Math.sqrt(ex * ex + ey * ey) + 0.5;
      if (coverage > 0) stamp(y * res + x, coverage > 1 ? 1 : coverage);
    }
  }
}

/** The coverage of one stroke alone, in raster pixels (max over its capsules). */
function strokeCoverage(
  stroke: RasterStroke,
  frame: RasterFrame,
  options: CoverageOptions,
  into: Float32Array,
  touched: number[],
): void {
  const scale = frame.resolution / frame.size;
  const minWidth = options.minWidth ?? 0;
  const radiusAt = (p: RasterPoint): number => {
    const pressure = options.pressureAware ? (p.pressure ?? 1) : 1;
    const width = options.fixedWidth ?? Math.max(minWidth, stroke.width * scale * pressure);
    return width / 2;
  };
  const stamp: Stamp = (i, c) => {
    if (into[i] === 0) touched.push(i);
    if (c > (into[i] as number)) into[i] = c;
  };
  const pts = stroke.points;
  if (pts.length === 0) return;
  const toRaster = (p: RasterPoint): [number, number] => [
    (p.x - frame.x) * scale,
    (p.y - frame.y) * scale,
  ];
  let [ax, ay] = toRaster(pts[0] as RasterPoint);
  if (pts.length === 1) {
    sweepCapsule(frame.resolution, ax, ay, ax, ay, radiusAt(pts[0] as RasterPoint), stamp);
    return;
  }
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as RasterPoint;
    const b = pts[i] as RasterPoint;
    const [bx, by] = toRaster(b);
    // Pressure varies along the stroke: each capsule uses the mean of its ends.
    sweepCapsule(frame.resolution, ax, ay, bx, by, (radiusAt(a) + radiusAt(b)) / 2, stamp);
    ax = bx;
    ay = by;
  }
}

/** Coverage in [0,1] of paint minus erase strokes, applied in order. */
export function rasterizeCoverage(
  strokes: readonly RasterStroke[],
  frame: RasterFrame,
  options: CoverageOptions = {},
): Float32Array {
  checkBudget(strokes, frame, options);
  const n = frame.resolution * frame.resolution;
  const out = new Float32Array(n);
  const single = new Float32Array(n);
  for (const stroke of strokes) {
    const touched: number[] = [];
    strokeCoverage(stroke, frame, options, single, touched);
    for (const i of touched) {
      const c = single[i] as number;
      if (stroke.tool === 'paint') {
        if (c > (out[i] as number)) out[i] = c;
      } else {
        out[i] = (out[i] as number) * (1 - c);
      }
      single[i] = 0;
    }
  }
  return out;
}

export function parseHexColor(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const v = parseInt(m[1] as string, 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/**
 * Planar RGBA [4 × res × res] of colour strokes: later strokes cover earlier ones where their
 * coverage reaches `threshold`; an erase stroke clears colour and alpha under it.
 */
export function rasterizeColor(
  strokes: readonly RasterStroke[],
  frame: RasterFrame,
  options: CoverageOptions = {},
  threshold = 0.5,
): Float32Array {
  checkBudget(strokes, frame, options);
  const n = frame.resolution * frame.resolution;
  const out = new Float32Array(4 * n);
  const single = new Float32Array(n);
  for (const stroke of strokes) {
    const touched: number[] = [];
    strokeCoverage(stroke, frame, options, single, touched);
    const rgb = stroke.tool === 'paint' ? parseHexColor(stroke.color ?? '#000000') : null;
    for (const i of touched) {
      if ((single[i] as number) >= threshold) {
        if (rgb) {
          out[i] = rgb[0];
          out[n + i] = rgb[1];
          out[2 * n + i] = rgb[2];
          out[3 * n + i] = 1;
        } else {
          out[i] = out[n + i] = out[2 * n + i] = out[3 * n + i] = 0;
        }
      }
      single[i] = 0;
    }
  }
  return out;
}

/** In place: 1 where value ≥ threshold, else 0. */
export function binarize(values: Float32Array, threshold = 0.5): Float32Array {
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) >= threshold ? 1 : 0;
  return values;
}
