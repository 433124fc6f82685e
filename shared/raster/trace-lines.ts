/**
 * Line map → polylines: turns the sketch domain's one-pixel lines into strokes as data, so a
 * pasted feature is editable like anything the person drew (erase a line, add one).
 *
 * Chains start at endpoints (pixels with one neighbour) so open lines are traced end to end,
 * then at any pixel left over (closed loops). A walk prefers straight (4-connected) steps over
 * diagonal ones, which keeps chains from hopping across corners. Each chain is simplified with
 * Douglas–Peucker to a tolerance below a pixel, so strokes stay small and still follow the line.
 */

export interface TracedPoint {
  readonly x: number;
  readonly y: number;
}

const STRAIGHT = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;
const DIAGONAL = [
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1],
] as const;

export function traceLines(
  lines: Uint8Array,
  width: number,
  height: number,
  minLength = 3,
  tolerance = 0.7,
): TracedPoint[][] {
  const on = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < width && y < height && lines[y * width + x] !== 0;
  const visited = new Uint8Array(width * height);
  const neighbours = (x: number, y: number): number => {
    let n = 0;
    for (const [dx, dy] of [...STRAIGHT, ...DIAGONAL]) if (on(x + dx, y + dy)) n++;
    return n;
  };
  const chains: TracedPoint[][] = [];
  const walk = (sx: number, sy: number): void => {
    const chain: TracedPoint[] = [{ x: sx + 0.5, y: sy + 0.5 }];
    visited[sy * width + sx] = 1;
    let x = sx;
    let y = sy;
    for (;;) {
      let next: readonly [number, number] | null = null;
      for (const [dx, dy] of [...STRAIGHT, ...DIAGONAL]) {
        const nx = x + dx;
        const ny = y + dy;
        if (on(nx, ny) && !visited[ny * width + nx]) {
          next = [nx, ny];
          break;
        }
      }
      if (!next) break;
      [x, y] = next;
      visited[y * width + x] = 1;
      chain.push({ x: x + 0.5, y: y + 0.5 });
    }
    if (chain.length >= minLength) chains.push(simplify(chain, tolerance));
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (on(x, y) && !visited[y * width + x] && neighbours(x, y) === 1) walk(x, y);
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (on(x, y) && !visited[y * width + x]) walk(x, y);
  }
  return chains;
}

/** Douglas–Peucker: the fewest points within `tolerance` of the original chain. */
export function simplify(points: readonly TracedPoint[], tolerance: number): TracedPoint[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const pa = points[a] as TracedPoint;
    const pb = points[b] as TracedPoint;
    const dx = pb.x - pa.x;
    const dy = pb.y - pa.y;
    const length = Math.hypot(dx, dy) || 1;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const p = points[i] as TracedPoint;
      const d = Math.abs(dy * (p.x - pa.x) - dx * (p.y - pa.y)) / length;
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}
