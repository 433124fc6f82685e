/**
 * The held-out studio portraits and their face parts, shared by the portrait evaluations
 * (tests/bench/detail-eval.ts, tests/bench/edit-eval.ts): the 20 names held out of anything
 * trained or tuned on the portraits (the same list as models/training/portraits.py), the
 * landmark template reader and each part's mask (the hand-placed outline, grown).
 */
import sharp from 'sharp';

/** Held out of every training and tuning run on the portraits (chosen by name, fixed). */
export const HELD_OUT_PORTRAITS = [
  'london/070_03',
  'london/083_03',
  'london/092_03',
  'london/101_03',
  'london/108_03',
  'london/117_03',
  'london/124_03',
  'london/131_03',
  'london/138_03',
  'london/144_03',
  'london/172_03',
  'london/173_03',
  'canada/003f',
  'canada/019f',
  'canada/026f',
  'canada/049f',
  'canada/063f',
  'canada/095m',
  'canada/110m',
  'canada/119m',
];

export type Point = readonly [number, number];

export function readTemplate(text: string): Point[] {
  const lines = text.split(/\r?\n/);
  const count = Number(lines[0]);
  const points: Point[] = [];
  for (let i = 1; i <= count; i++) {
    const [x, y] = (lines[i] ?? '').trim().split(/\s+/).map(Number);
    points.push([x as number, y as number]);
  }
  return points;
}

export function hull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (const p of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

export async function maskPng(
  width: number,
  height: number,
  shape: { polygon: Point[]; grow: number } | { disc: Point; r: number },
): Promise<Buffer> {
  const body =
    'polygon' in shape
      ? `<polygon points="${shape.polygon.map((p) => p.join(',')).join(' ')}" fill="white" stroke="white" stroke-width="${2 * shape.grow}" stroke-linejoin="round"/>`
      : `<circle cx="${shape.disc[0]}" cy="${shape.disc[1]}" r="${shape.r}" fill="white"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="black"/>${body}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export function parts(points: readonly Point[]) {
  const [pr, pl] = [points[0]!, points[1]!];
  const ipd = Math.hypot(pl[0] - pr[0], pl[1] - pr[1]);
  const mid = (pr[0] + pl[0]) / 2;
  const eyes = points.slice(2, 34);
  const grow = 0.12 * ipd;
  const mouthCorner = points[87]!;
  return {
    ipd,
    shapes: {
      'eye-right': { polygon: hull(eyes.filter((p) => p[0] < mid)), grow },
      'eye-left': { polygon: hull(eyes.filter((p) => p[0] >= mid)), grow },
      nose: { polygon: hull(points.slice(44, 71)), grow },
      mouth: { polygon: hull(points.slice(87, 109)), grow },
      // A blemish on the cheek below the image-left pupil, half-way down to the mouth.
      blemish: {
        disc: [pr[0] - 0.05 * ipd, (pr[1] + mouthCorner[1]) / 2 + 0.05 * ipd] as Point,
        r: 0.09 * ipd,
      },
    } as const,
  };
}
