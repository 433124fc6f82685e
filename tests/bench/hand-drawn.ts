/**
 * Sketches that look hand-drawn, for the edit evaluation (tests/bench/edit-eval.ts): a thinned
 * line map (the sketch domain's lines at the network's 256-px frame) traced into strokes and
 * redrawn as a person draws over a face — a slow sideways wobble of about 1 px, each stroke
 * shifted a little, some strokes lifted once in the middle (a gap), ends running on past the
 * line (overshoot), flecks left out. Coordinates stay in the frame; the caller draws them at the
 * editor's pen width. Seeded: the same id gives the same drawing.
 */
import type { LineMap } from '../../electron/core/sketch/sketch-domain';
import { seededRandom } from '../../electron/core/synthesis/noise';
import type { Point } from './portrait-parts';

export type Polyline = Point[];

/** A deterministic seed per case (FNV-1a of its id). */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function normal(random: () => number): number {
  const u = random() + 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * The thinned lines traced into polylines: walks from line ends (then round closed loops),
 * preferring straight over diagonal steps, stopping at junctions (which every branch may reach).
 */
export function traceLines(lines: LineMap): Polyline[] {
  const { width, height, data } = lines;
  const on = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && data[y * width + x] === 1;
  const steps: Point[] = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
    [1, 1],
    [-1, 1],
    [-1, -1],
    [1, -1],
  ];
  const degree = (x: number, y: number): number =>
    steps.filter(([dx, dy]) => on(x + dx, y + dy)).length;
  const visited = new Uint8Array(width * height);
  const out: Polyline[] = [];
  const walk = (x0: number, y0: number): void => {
    const line: Point[] = [[x0, y0]];
    visited[y0 * width + x0] = 1;
    let [x, y] = [x0, y0];
    for (;;) {
      const next = steps
        .map(([dx, dy]) => [x + dx, y + dy] as Point)
        .find(([nx, ny]) => on(nx, ny) && !visited[ny * width + nx]);
      if (!next) break;
      [x, y] = next;
      line.push(next);
      if (degree(x, y) >= 3 && line.length > 1) break;
      visited[y * width + x] = 1;
    }
    if (line.length >= 2) out.push(line);
  };
  for (let pass = 0; pass < 2; pass++)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        if (!on(x, y) || visited[y * width + x]) continue;
        // Ends and junctions first; whatever remains lies on closed loops.
        if (pass === 0 && degree(x, y) === 2) continue;
        walk(x, y);
      }
  return out;
}

function arcLength(line: Polyline): number {
  let s = 0;
  for (let i = 1; i < line.length; i++)
    s += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]);
  return s;
}

/** Points every `spacing` px along the line (its ends kept). */
function resample(line: Polyline, spacing: number): Polyline {
  const total = arcLength(line);
  const count = Math.max(1, Math.round(total / spacing));
  const out: Point[] = [];
  let seg = 0;
  let segStart = 0;
  for (let k = 0; k <= count; k++) {
    const target = (k / count) * total;
    while (seg < line.length - 2) {
      const len = Math.hypot(line[seg + 1]![0] - line[seg]![0], line[seg + 1]![1] - line[seg]![1]);
      if (segStart + len >= target) break;
      segStart += len;
      seg++;
    }
    const [a, b] = [line[seg]!, line[Math.min(seg + 1, line.length - 1)]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const t = Math.min(1, Math.max(0, (target - segStart) / len));
    out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
  }
  return out;
}

/** Moving average over 5 points: the staircase of a traced pixel line becomes a smooth stroke. */
function smooth(line: Polyline): Polyline {
  return line.map((p, i) => {
    if (i === 0 || i === line.length - 1) return p;
    const from = Math.max(0, i - 2);
    const to = Math.min(line.length, i + 3);
    let [sx, sy] = [0, 0];
    for (let j = from; j < to; j++) [sx, sy] = [sx + line[j]![0], sy + line[j]![1]];
    return [sx / (to - from), sy / (to - from)] as Point;
  });
}

export interface HandOptions {
  /** Standard deviation of the slow sideways wobble, frame px. */
  readonly wobble: number;
  /** Standard deviation of each stroke's shift, frame px. */
  readonly shift: number;
  /** Chance that a stroke of 16 px or more is drawn in two pieces, and the gap's length. */
  readonly gapChance: number;
  readonly gap: readonly [number, number];
  /** Chance that an end runs on past the line, and by how much. */
  readonly overshootChance: number;
  readonly overshoot: readonly [number, number];
  /** Strokes shorter than this are not drawn (nobody draws a 2-px fleck). */
  readonly minLength: number;
}

export const HAND: HandOptions = {
  wobble: 1.0,
  shift: 0.6,
  gapChance: 0.5,
  gap: [2, 5],
  overshootChance: 0.5,
  overshoot: [1, 3],
  minLength: 4,
};

/** The line map's strokes as a person would draw them over it (frame coordinates). */
export function handDrawn(lines: LineMap, seed: number, options: HandOptions = HAND): Polyline[] {
  const random = seededRandom(seed);
  const uniform = ([a, b]: readonly [number, number]): number => a + (b - a) * random();
  const strokes: Polyline[] = [];
  for (const traced of traceLines(lines)) {
    if (arcLength(traced) < options.minLength) continue;
    let line = resample(smooth(traced), 2);
    // A slow wobble: offsets every ~8 px along the stroke, interpolated, applied sideways.
    const total = arcLength(line);
    const knots = Array.from(
      { length: Math.ceil(total / 8) + 2 },
      () => normal(random) * options.wobble,
    );
    const [sx, sy] = [normal(random) * options.shift, normal(random) * options.shift];
    let s = 0;
    line = line.map((p, i) => {
      if (i > 0) s += Math.hypot(p[0] - line[i - 1]![0], p[1] - line[i - 1]![1]);
      const a = line[Math.max(0, i - 1)]!;
      const b = line[Math.min(line.length - 1, i + 1)]!;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
      const [nx, ny] = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
      const k = s / 8;
      const f = k - Math.floor(k);
      const off = (knots[Math.floor(k)] ?? 0) * (1 - f) + (knots[Math.floor(k) + 1] ?? 0) * f;
      return [p[0] + nx * off + sx, p[1] + ny * off + sy] as Point;
    });
    // Overshoot: the pen runs on along the stroke's direction at either end.
    const extend = (end: Point, before: Point): Point => {
      const len = Math.hypot(end[0] - before[0], end[1] - before[1]) || 1;
      const by = uniform(options.overshoot);
      return [
        end[0] + ((end[0] - before[0]) / len) * by,
        end[1] + ((end[1] - before[1]) / len) * by,
      ];
    };
    if (line.length >= 2 && random() < options.overshootChance)
      line = [extend(line[0]!, line[1]!), ...line];
    if (line.length >= 2 && random() < options.overshootChance)
      line = [...line, extend(line.at(-1)!, line.at(-2)!)];
    // A gap: the pen lifted once somewhere in the middle of a longer stroke.
    if (arcLength(line) >= 16 && random() < options.gapChance) {
      const gapPoints = Math.max(1, Math.round(uniform(options.gap) / 2));
      const at = Math.floor(line.length * (0.25 + 0.5 * random()));
      strokes.push(line.slice(0, at), line.slice(at + gapPoints));
    } else {
      strokes.push(line);
    }
  }
  return strokes.filter((l) => l.length >= 2);
}
