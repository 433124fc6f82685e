/**
 * Colour strokes for a pasted region, drawn the way the network's training colour strokes are
 * (models/training/guidance.py, `color_strokes`): on a median + bilateral filtered picture, a
 * few strokes each walk from a start with a smoothly turning direction and stop where the
 * filtered colour moves more than a tolerance from where they started; a stroke's colour is the
 * mean filtered colour along it. That is what the network learned to read, so it is what a
 * paste gives it — a grid of dabs reads to it as a striped texture.
 *
 * Unlike training, which draws at random, a paste must be reproducible and cover the region
 * evenly with few strokes: starts are spread by farthest-point sampling from a seeded first
 * pick, walks head along the colour's contour (across the gradient) and turn aside before they
 * leave their colour, the selection or cross a sketch line, and the iris/pupil gets no stroke
 * when the sketch already draws it (its dark disc is the one thing the lines do say).
 * Everything is in raster pixels of the work area at the model's resolution.
 */
import { seededRandom } from '../synthesis/noise';
import type { TracedPoint } from '../../../shared/raster/trace-lines';

export interface ColorWalk {
  readonly points: readonly TracedPoint[];
  /** Diameter in raster pixels. */
  readonly width: number;
  /** Mean filtered colour along the walk, 0–255 per channel. */
  readonly rgb: readonly [number, number, number];
}

export interface ColorWalkOptions {
  /** Seeds the first start, the turns, lengths and widths (default 1). */
  readonly seed?: number;
  /** RGB distance from the start colour that ends a walk (training: 34). */
  readonly tolerance?: number;
  /** How many strokes; by default 3 to 10 with the region's area. */
  readonly count?: number;
}

function gaussian(random: () => number): number {
  const u = Math.max(1e-12, random());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * A bilateral filter like OpenCV's `bilateralFilter(src, 7, 40, 5)` on interleaved RGB: each
 * pixel becomes the mean of its 7 × 7 neighbourhood weighted by distance and by colour
 * difference (the sum of the channels' absolute differences), so flat areas flatten and edges
 * stay.
 */
export function bilateralFilter(
  rgb: Uint8Array,
  width: number,
  height: number,
  sigmaColor = 40,
  sigmaSpace = 5,
  radius = 3,
): Uint8Array {
  const out = new Uint8Array(rgb.length);
  const colorWeight = new Float64Array(3 * 255 + 1);
  for (let d = 0; d < colorWeight.length; d++) {
    colorWeight[d] = Math.exp((-d * d) / (2 * sigmaColor * sigmaColor));
  }
  const spaceWeight: number[] = [];
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const d2 = dx * dx + dy * dy;
      spaceWeight.push(d2 > radius * radius ? 0 : Math.exp(-d2 / (2 * sigmaSpace * sigmaSpace)));
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 3 * (y * width + x);
      const r0 = rgb[i] as number;
      const g0 = rgb[i + 1] as number;
      const b0 = rgb[i + 2] as number;
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let sw = 0;
      let k = 0;
      for (let dy = -radius; dy <= radius; dy++) {
        const yy = Math.min(height - 1, Math.max(0, y + dy));
        for (let dx = -radius; dx <= radius; dx++, k++) {
          const ws = spaceWeight[k] as number;
          if (ws === 0) continue;
          const xx = Math.min(width - 1, Math.max(0, x + dx));
          const j = 3 * (yy * width + xx);
          const r = rgb[j] as number;
          const g = rgb[j + 1] as number;
          const b = rgb[j + 2] as number;
          const w =
            ws * (colorWeight[Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0)] as number);
          sr += w * r;
          sg += w * g;
          sb += w * b;
          sw += w;
        }
      }
      out[i] = Math.round(sr / sw);
      out[i + 1] = Math.round(sg / sw);
      out[i + 2] = Math.round(sb / sw);
    }
  }
  return out;
}

/** `allowed` shrunk by `radius` pixels (a square structuring element, two 1-D passes). */
function erode(allowed: Uint8Array, size: number, radius: number): Uint8Array {
  const rows = new Uint8Array(allowed.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let keep = 1;
      for (let d = -radius; d <= radius && keep; d++) {
        const xx = x + d;
        if (xx < 0 || xx >= size || !allowed[y * size + xx]) keep = 0;
      }
      rows[y * size + x] = keep;
    }
  }
  const out = new Uint8Array(allowed.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let keep = 1;
      for (let d = -radius; d <= radius && keep; d++) {
        const yy = y + d;
        if (yy < 0 || yy >= size || !rows[yy * size + x]) keep = 0;
      }
      out[y * size + x] = keep;
    }
  }
  return out;
}

function luminance(filtered: Uint8Array, i: number): number {
  return (
    0.299 * (filtered[3 * i] as number) +
    0.587 * (filtered[3 * i + 1] as number) +
    0.114 * (filtered[3 * i + 2] as number)
  );
}

/**
 * The iris/pupil as a disc to keep colour off: the darkest disc-sized spot in the region, when
 * it is much darker than the region and the sketch draws lines around it. Null otherwise.
 */
export function irisDisc(
  filtered: Uint8Array,
  inside: Uint8Array,
  lines: Uint8Array,
  size: number,
): { x: number; y: number; radius: number } | null {
  const radius = Math.max(2, Math.round(size * 0.034));
  const greys: number[] = [];
  for (let i = 0; i < inside.length; i++) if (inside[i]) greys.push(luminance(filtered, i));
  if (greys.length < 4 * radius * radius) return null;
  greys.sort((a, b) => a - b);
  const median = greys[greys.length >> 1] as number;
  let best: { x: number; y: number; grey: number } | null = null;
  const half = Math.max(1, radius >> 1);
  for (let y = half; y < size - half; y++) {
    for (let x = half; x < size - half; x++) {
      if (!inside[y * size + x]) continue;
      let sum = 0;
      let n = 0;
      for (let dy = -half; dy <= half; dy++) {
        for (let dx = -half; dx <= half; dx++) {
          sum += luminance(filtered, (y + dy) * size + x + dx);
          n++;
        }
      }
      const grey = sum / n;
      if (!best || grey < best.grey) best = { x: x + 0.5, y: y + 0.5, grey };
    }
  }
  if (!best || best.grey > 0.6 * median) return null;
  let drawn = 0;
  const reach = Math.ceil(radius * 1.6);
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      const x = Math.floor(best.x) + dx;
      const y = Math.floor(best.y) + dy;
      if (x >= 0 && y >= 0 && x < size && y < size && lines[y * size + x]) drawn++;
    }
  }
  return drawn >= radius ? { x: best.x, y: best.y, radius: radius * 1.5 } : null;
}

/**
 * Colour strokes inside `inside` (1 = selected) over a `size` × `size` filtered picture, kept
 * off the sketch's `lines`.
 */
export function colorWalks(
  filtered: Uint8Array,
  inside: Uint8Array,
  lines: Uint8Array,
  size: number,
  options: ColorWalkOptions = {},
): ColorWalk[] {
  const random = seededRandom(options.seed ?? 1);
  const tolerance = options.tolerance ?? 34;
  const step = Math.max(1, size / 48);
  const maxWidth = 0.028 * size;
  const minWidth = 0.014 * size;

  // Where a stroke may lie: inside the selection by its half-width, off the lines and the iris.
  const iris = irisDisc(filtered, inside, lines, size);
  const open = new Uint8Array(inside.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const inIris = iris && Math.hypot(x + 0.5 - iris.x, y + 0.5 - iris.y) <= iris.radius;
      open[i] = inside[i] && !inIris ? 1 : 0;
    }
  }
  // A stroke's middle stays two pixels in (the mask is the selection dilated, so its edge is
  // covered); starts stay a step further in, where a walk has room to go somewhere.
  const allowed = erode(open, size, 2);
  const roomy = erode(open, size, 2 + Math.ceil(step / 2));
  const offLines = Uint8Array.from(lines, (v) => (v ? 0 : 1));
  const startsOffLines = erode(offLines, size, 1);
  const area = inside.reduce((n, v) => n + v, 0);
  const count = options.count ?? Math.min(10, Math.max(3, Math.round(2 + area / 700)));

  const at = (x: number, y: number): number => Math.floor(y) * size + Math.floor(x);
  const within = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < size && y < size && allowed[at(x, y)] === 1;
  const colourAt = (x: number, y: number): [number, number, number] => {
    const i = 3 * at(x, y);
    return [filtered[i] as number, filtered[i + 1] as number, filtered[i + 2] as number];
  };
  const distance = (a: readonly number[], b: readonly number[]): number =>
    Math.hypot(
      (a[0] as number) - (b[0] as number),
      (a[1] as number) - (b[1] as number),
      (a[2] as number) - (b[2] as number),
    );

  // Starts: with room around, off the lines, where the colour is flat enough to walk from.
  const startsIn = (room: Uint8Array): TracedPoint[] => {
    const found: TracedPoint[] = [];
    for (let y = 1; y < size - 1; y++) {
      for (let x = 1; x < size - 1; x++) {
        const i = y * size + x;
        if (!room[i] || !startsOffLines[i]) continue;
        const c = colourAt(x, y);
        const flat =
          distance(c, colourAt(x + 1, y)) + distance(c, colourAt(x, y + 1)) <= tolerance / 2;
        if (flat) found.push({ x: x + 0.5, y: y + 0.5 });
      }
    }
    return found;
  };
  let candidates = startsIn(roomy);
  if (candidates.length === 0) candidates = startsIn(allowed);
  if (candidates.length === 0) return [];

  // Distance of every candidate to the nearest point already drawn (farthest-point sampling).
  const nearest = new Float64Array(candidates.length).fill(Infinity);
  const drawn = (points: readonly TracedPoint[]): void => {
    candidates.forEach((c, k) => {
      for (const p of points) {
        const d = Math.hypot(c.x - p.x, c.y - p.y);
        if (d < (nearest[k] as number)) nearest[k] = d;
      }
    });
  };

  const walks: ColorWalk[] = [];
  for (let n = 0; n < count; n++) {
    let pick = 0;
    if (n === 0) {
      pick = Math.floor(random() * candidates.length);
    } else {
      for (let k = 1; k < candidates.length; k++) {
        if ((nearest[k] as number) > (nearest[pick] as number)) pick = k;
      }
      // Everything left is close to a stroke already: the region is covered.
      if ((nearest[pick] as number) < step) break;
    }
    const start = candidates[pick] as TracedPoint;
    const startColour = colourAt(start.x, start.y);
    // Along the contour of the colour: across its gradient, either way.
    const gx =
      luminanceAt(filtered, size, start.x + 1, start.y) -
      luminanceAt(filtered, size, start.x - 1, start.y);
    const gy =
      luminanceAt(filtered, size, start.x, start.y + 1) -
      luminanceAt(filtered, size, start.x, start.y - 1);
    let angle =
      gx === 0 && gy === 0
        ? random() * 2 * Math.PI
        : Math.atan2(gy, gx) + Math.PI / 2 + (random() < 0.5 ? 0 : Math.PI);
    angle += gaussian(random) * 0.2;
    const steps = 6 + Math.floor(random() * 15);
    const points: TracedPoint[] = [start];
    let { x, y } = start;
    const fits = (nx: number, ny: number): boolean => {
      // The segment, sampled every pixel: inside, off the lines, within the start's colour.
      const samples = Math.ceil(step);
      for (let s = 1; s <= samples; s++) {
        const px = x + ((nx - x) * s) / samples;
        const py = y + ((ny - y) * s) / samples;
        if (!within(px, py) || !offLines[at(px, py)]) return false;
        if (distance(colourAt(px, py), startColour) > tolerance) return false;
      }
      return true;
    };
    for (let s = 0; s < steps; s++) {
      angle += gaussian(random) * 0.35;
      let moved = false;
      for (const turn of [0, 0.6, -0.6, 1.2, -1.2]) {
        const nx = x + step * Math.cos(angle + turn);
        const ny = y + step * Math.sin(angle + turn);
        if (fits(nx, ny)) {
          angle += turn;
          x = nx;
          y = ny;
          points.push({ x, y });
          moved = true;
          break;
        }
      }
      if (!moved) break;
    }
    // The colour: the mean filtered colour along the walk, every pixel of it.
    const sum = [0, 0, 0];
    let samples = 0;
    for (let k = 0; k < points.length; k++) {
      const a = points[k] as TracedPoint;
      const b = points[Math.min(points.length - 1, k + 1)] as TracedPoint;
      const m = k + 1 < points.length ? Math.ceil(step) : 1;
      for (let s = 0; s < m; s++) {
        const c = colourAt(a.x + ((b.x - a.x) * s) / m, a.y + ((b.y - a.y) * s) / m);
        sum[0] = (sum[0] as number) + c[0];
        sum[1] = (sum[1] as number) + c[1];
        sum[2] = (sum[2] as number) + c[2];
        samples++;
      }
    }
    const width = minWidth + random() * (maxWidth - minWidth);
    walks.push({
      points,
      width,
      rgb: [
        (sum[0] as number) / samples,
        (sum[1] as number) / samples,
        (sum[2] as number) / samples,
      ],
    });
    drawn(points);
  }
  return walks;
}

function luminanceAt(filtered: Uint8Array, size: number, x: number, y: number): number {
  const cx = Math.min(size - 1, Math.max(0, Math.floor(x)));
  const cy = Math.min(size - 1, Math.max(0, Math.floor(y)));
  return luminance(filtered, cy * size + cx);
}
