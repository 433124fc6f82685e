/**
 * Comparing pictures over regions of a photo: "inside the mask" and "outside the mask" are
 * decided from the strokes the test itself drew (distance to the stroke's path), not from
 * anything the app reports, so a wrong mask in the app cannot make a wrong region look right.
 */
import sharp from 'sharp';
import type { PhotoPoint, Pixels } from './editor-page';

export type Region = (x: number, y: number) => boolean;

/** Pixels whose centers lie within `radius` of the polyline through `points`. */
export function nearPath(points: readonly PhotoPoint[], radius: number): Region {
  return (x, y) => distanceToPath(x + 0.5, y + 0.5, points) <= radius;
}

/** Pixels whose centers lie farther than `radius` from the polyline. */
export function awayFromPath(points: readonly PhotoPoint[], radius: number): Region {
  return (x, y) => distanceToPath(x + 0.5, y + 0.5, points) > radius;
}

export interface Difference {
  readonly pixels: number;
  /** Mean over pixels of the mean absolute RGB difference, 0–255. */
  readonly mean: number;
  /** Largest absolute difference of any channel. */
  readonly max: number;
}

/** How `a` and `b` (the same rectangle, origin at photo 0,0) differ over `region`. */
export function difference(a: Pixels, b: Pixels, region: Region): Difference {
  if (a.width !== b.width || a.height !== b.height) throw new Error('sizes differ');
  let pixels = 0;
  let sum = 0;
  let max = 0;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width; x += 1) {
      if (!region(x, y)) continue;
      const at = 4 * (y * a.width + x);
      let pixel = 0;
      for (let c = 0; c < 3; c += 1) {
        const d = Math.abs((a.rgba[at + c] ?? 0) - (b.rgba[at + c] ?? 0));
        pixel += d;
        if (d > max) max = d;
      }
      sum += pixel / 3;
      pixels += 1;
    }
  }
  return { pixels, mean: pixels === 0 ? 0 : sum / pixels, max };
}

/** A photo file's pixels as RGBA, for comparing what the canvas shows with the file itself. */
export async function filePixels(file: string): Promise<Pixels> {
  const { data, info } = await sharp(file)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data) };
}

function distanceToPath(x: number, y: number, points: readonly PhotoPoint[]): number {
  let best = Infinity;
  for (let index = 0; index < points.length; index += 1) {
    const a = points[index];
    const b = points[index + 1] ?? a;
    if (!a || !b) continue;
    best = Math.min(best, distanceToSegment(x, y, a, b));
  }
  return best;
}

function distanceToSegment(x: number, y: number, a: PhotoPoint, b: PhotoPoint): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
