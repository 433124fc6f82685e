/**
 * Detail transfer: the photo's own fine detail carried into the synthesized region at full
 * resolution (after HiFill's contextual residual aggregation, Yi et al. 2020, done here without
 * a network).
 *
 * The network works on a `resolution`² square, so an edit in a work area `s` times larger comes
 * back with nothing above the network's band: no pores, no grain, no lashes, a soft patch. The
 * photo's known pixels still have that band: their residual R = photo − lowpass(photo), where
 * the low-pass is exactly the network's own view of the photo (down to its grid and back up,
 * with the same kernels as the network's input and output). Inside the mask the residual is
 * unknown, so it is borrowed:
 *
 * 1. **Match at low resolution.** On the network's composited output (its grid, real photo
 *    outside the mask, the synthesized region inside), each grid cell under the mask finds the
 *    context cell whose 5×5 neighbourhood looks most like its own (PatchMatch: random start,
 *    propagation from neighbours, shrinking random search; seeded). Context cells are those
 *    whose residual is untouched by the mask (a safety margin of the low-pass's reach), so the
 *    detail being removed (a wrinkle, a blemish) never comes back.
 * 2. **Copy at full resolution.** Each full-resolution pixel under the mask takes the residual
 *    of the pixel its cell's match points at, blended with its neighbouring cells' matches over
 *    a narrow band (coherent matches copy whole areas of skin texture unchanged).
 * 3. **Grain matched per luminance band.** The copied residual's spread per band of the
 *    low-resolution luminance is scaled to the context's own spread in that band, as
 *    compositors match grain, so a dark region gets the grain of dark skin.
 *
 * Outside the hard mask the residual is the photo's own, so within the feather the photo keeps
 * its detail and only its low band moves: no seam, no step in grain at the mask's edge.
 */

import { seededRandom } from './noise';

/** Work areas below this many times the network's frame have no band the network lacks. */
export const MIN_DETAIL_SCALE = 1.25;

export interface DetailTransferInput {
  /** The work area's visible part at full resolution, RGB interleaved. */
  readonly original: Uint8Array;
  /** The photo's own low band over the same pixels: its network-grid view upsampled back. */
  readonly originalLow: Uint8Array;
  /** The same at half the network's resolution (its mid band is `originalLow − originalLow2`). */
  readonly originalLow2: Uint8Array;
  /** The network's output upsampled over the same pixels, and its half-resolution view. */
  readonly upscaled: Uint8Array;
  readonly upscaledLow2: Uint8Array;
  /** The person's hard mask over the same pixels, 0/255. */
  readonly mask: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Where the visible part starts inside the work area (photo pixels). */
  readonly offsetX: number;
  readonly offsetY: number;
  /** The work area's side in photo pixels. */
  readonly areaSize: number;
  /** The network's composited output, RGB interleaved, resolution². */
  readonly lowRes: Uint8Array;
  readonly resolution: number;
  readonly seed: number;
  /**
   * The share of the context's fine-band energy the fill aims at: 1 (the default) matches the
   * grain around it; a removal aims lower (`REMOVAL_ENERGY`), since grain of the right strength
   * but not the photo's own phase adds its own variance to the error against the real skin.
   */
  readonly energy?: number;
}

/**
 * The energy share for a removal (mask alone, no sketch or colour under it). Measured on the
 * held-out portraits (eval:detail, blemish, refiner + detail stage): energy 1 gave detail 1.01 at
 * 34.34 dB, 0.72 gives 0.94 at 34.56 dB, 0.45 gave 0.85 at 34.83 dB (base network alone: 0.28 at
 * 35.33 dB). 0.45 read as a faintly smoother oval at 100 % on the 24 MP e2e portrait (fill ÷
 * photo 0.72); 0.72 does not (0.90). PSNR prefers no grain at all, which is the soft patch.
 */
export const REMOVAL_ENERGY = 0.72;

/**
 * The high-frequency residual to add to the upsampled network output, over a box of the visible
 * part that holds the mask: RGB interleaved float, box-sized, the borrowed residual inside the
 * mask blended into the photo's own residual over two pixels at its edge. Outside the box the
 * residual to add is the photo's own (`original − originalLow`).
 */
export interface BorrowedDetail {
  /** The box, in the visible part's pixels. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly residual: Float32Array;
  /** How much of `residual` is borrowed rather than the photo's own, 0–1, box-sized. */
  readonly borrowedShare: Float32Array;
}

/**
 * The borrowed detail, or null when there is nothing to transfer (the work area is barely larger
 * than the network's frame, the mask is empty, or it leaves no context to borrow from).
 */
export function transferDetail(input: DetailTransferInput): BorrowedDetail | null {
  const { width, height, areaSize, resolution: n, original, originalLow } = input;
  const scale = areaSize / n;
  if (scale < MIN_DETAIL_SCALE) return null;

  // The box: the mask's bounds grown by a cell and the blending band, inside the visible part.
  let bx0 = width;
  let by0 = height;
  let bx1 = -1;
  let by1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (input.mask[y * width + x] !== 0) {
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
      }
  if (bx1 < 0) return null;
  const grow = Math.ceil(scale) + 3;
  bx0 = Math.max(0, bx0 - grow);
  by0 = Math.max(0, by0 - grow);
  bx1 = Math.min(width - 1, bx1 + grow);
  by1 = Math.min(height - 1, by1 + grow);
  const bw = bx1 - bx0 + 1;
  const bh = by1 - by0 + 1;
  const boxMask = new Uint8Array(bw * bh);
  for (let y = 0; y < bh; y++)
    boxMask.set(input.mask.subarray((y + by0) * width + bx0, (y + by0) * width + bx0 + bw), y * bw);

  // Grid cells of the network's frame that the visible part covers.
  const cx0 = Math.max(0, Math.floor(input.offsetX / scale));
  const cy0 = Math.max(0, Math.floor(input.offsetY / scale));
  const cx1 = Math.min(n - 1, Math.floor((input.offsetX + width - 1) / scale));
  const cy1 = Math.min(n - 1, Math.floor((input.offsetY + height - 1) / scale));
  const cellX = (x: number) => Math.min(n - 1, Math.floor((x + input.offsetX) / scale));
  const cellY = (y: number) => Math.min(n - 1, Math.floor((y + input.offsetY) / scale));

  // Cells touched by the hard mask.
  const touched = new Uint8Array(n * n);
  for (let y = 0; y < bh; y++) {
    const gy = cellY(y + by0);
    for (let x = 0; x < bw; x++)
      if (boxMask[y * bw + x] !== 0) touched[gy * n + cellX(x + bx0)] = 1;
  }

  // Distance (in cells, chessboard) to the mask.
  const far = distanceFrom(touched, n, cx0, cy0, cx1, cy1);
  // The low-pass (Lanczos down and up) reaches about three cells; bilinear blending one more.
  const SAFE = 4;
  const PATCH = 2;
  const sources: number[] = [];
  for (let gy = cy0 + PATCH + 1; gy <= cy1 - PATCH - 1; gy++)
    for (let gx = cx0 + PATCH + 1; gx <= cx1 - PATCH - 1; gx++)
      if ((far[gy * n + gx] as number) >= SAFE) sources.push(gy * n + gx);
  if (sources.length < 16) return null;
  const isSource = new Uint8Array(n * n);
  for (const c of sources) isSource[c] = 1;

  // Cells that need a match: the touched ones and a one-cell ring (for blending).
  const targets: number[] = [];
  for (let gy = cy0; gy <= cy1; gy++)
    for (let gx = cx0; gx <= cx1; gx++)
      if ((far[gy * n + gx] as number) <= 1) targets.push(gy * n + gx);

  const match = patchMatch(input.lowRes, n, targets, sources, isSource, input.seed, PATCH);

  // Copy both bands by the matches, with a sharpened bilinear blend between cells: the fine
  // residual (above the network's band) and the photo's mid band (its network-grid view minus
  // a view at half that resolution), which the network's soft output lacks.
  const { originalLow2, upscaled, upscaledLow2 } = input;
  const fine = (q: number) => (original[q] as number) - (originalLow[q] as number);
  const mid = (q: number) => (originalLow[q] as number) - (originalLow2[q] as number);
  const borrowed = new Float32Array(3 * bw * bh);
  const borrowedMid = new Float32Array(3 * bw * bh);
  const near = dilate(boxMask, bw, bh, Math.ceil(scale));
  for (let y = 0; y < bh; y++) {
    const py = y + by0;
    const v = (py + input.offsetY + 0.5) / scale - 0.5;
    const gy0 = Math.floor(v);
    const fy = v - gy0;
    for (let x = 0; x < bw; x++) {
      const b = y * bw + x;
      if (near[b] === 0) continue;
      const px = x + bx0;
      const u = (px + input.offsetX + 0.5) / scale - 0.5;
      const gx0 = Math.floor(u);
      const fx = u - gx0;
      let wsum = 0;
      const acc = [0, 0, 0, 0, 0, 0];
      for (let k = 0; k < 4; k++) {
        const gx = clamp(gx0 + (k & 1), cx0, cx1);
        const gy = clamp(gy0 + (k >> 1), cy0, cy1);
        const wx = k & 1 ? fx : 1 - fx;
        const wy = k >> 1 ? fy : 1 - fy;
        let w = wx * wy;
        w = w * w * w * w;
        if (w < 1e-6) continue;
        const cell = gy * n + gx;
        const m = match[cell] as number;
        let sx = px;
        let sy = py;
        if (m >= 0) {
          // (A cell away from the mask keeps its own residual.)
          sx = clamp(px + Math.round(((m % n) - gx) * scale), 0, width - 1);
          sy = clamp(py + Math.round((Math.floor(m / n) - gy) * scale), 0, height - 1);
        }
        const q = 3 * (sy * width + sx);
        for (let c = 0; c < 3; c++) {
          acc[c] = (acc[c] as number) + w * fine(q + c);
          acc[3 + c] = (acc[3 + c] as number) + w * mid(q + c);
        }
        wsum += w;
      }
      for (let c = 0; c < 3; c++) {
        borrowed[3 * b + c] = (acc[c] as number) / wsum;
        borrowedMid[3 * b + c] = (acc[3 + c] as number) / wsum;
      }
    }
  }

  // The grain to match is that of the context actually borrowed from (not of hair or brows
  // elsewhere in the work area). The fine band is all borrowed; the mid band only makes up
  // what the network's output lacks of it.
  const used = new Uint8Array(n * n);
  for (const t of targets) if ((match[t] as number) >= 0) used[match[t] as number] = 1;
  const box = { bx0, by0, bw, bh };
  matchGrain(input, borrowed, near, box, used, cellX, cellY, fine, null);
  matchGrain(
    input,
    borrowedMid,
    near,
    box,
    used,
    cellX,
    cellY,
    mid,
    (q) => (upscaled[q] as number) - (upscaledLow2[q] as number),
  );

  // The photo's own residual outside the mask, the borrowed one inside, blended over 2 px.
  const inside = softMask(boxMask, bw, bh);
  for (let y = 0; y < bh; y++)
    for (let x = 0; x < bw; x++) {
      const b = y * bw + x;
      const t = inside[b] as number;
      const q = 3 * ((y + by0) * width + x + bx0);
      for (let c = 0; c < 3; c++) {
        const own = fine(q + c);
        const hole = (borrowed[3 * b + c] as number) + (borrowedMid[3 * b + c] as number);
        borrowed[3 * b + c] = (1 - t) * own + t * hole;
      }
    }
  return { left: bx0, top: by0, width: bw, height: bh, residual: borrowed, borrowedShare: inside };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Chessboard distance of every cell in the box to the nearest marked cell (two passes). */
function distanceFrom(
  marked: Uint8Array,
  n: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): Uint16Array {
  const BIG = 60000;
  const d = new Uint16Array(n * n).fill(BIG);
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * n + x;
      if (marked[i]) {
        d[i] = 0;
        continue;
      }
      let best = BIG;
      if (y > y0) {
        best = Math.min(best, (d[i - n] as number) + 1);
        if (x > x0) best = Math.min(best, (d[i - n - 1] as number) + 1);
        if (x < x1) best = Math.min(best, (d[i - n + 1] as number) + 1);
      }
      if (x > x0) best = Math.min(best, (d[i - 1] as number) + 1);
      d[i] = best;
    }
  for (let y = y1; y >= y0; y--)
    for (let x = x1; x >= x0; x--) {
      const i = y * n + x;
      let best = d[i] as number;
      if (y < y1) {
        best = Math.min(best, (d[i + n] as number) + 1);
        if (x > x0) best = Math.min(best, (d[i + n - 1] as number) + 1);
        if (x < x1) best = Math.min(best, (d[i + n + 1] as number) + 1);
      }
      if (x < x1) best = Math.min(best, (d[i + 1] as number) + 1);
      d[i] = best;
    }
  return d;
}

/**
 * For every target cell, the source cell whose (2·patch+1)² RGB neighbourhood on the
 * low-resolution image is closest (sum of squared differences, with a small pull towards nearby
 * sources); -1 for cells that are not targets.
 */
function patchMatch(
  image: Uint8Array,
  n: number,
  targets: readonly number[],
  sources: readonly number[],
  isSource: Uint8Array,
  seed: number,
  patch: number,
): Int32Array {
  // Its own stream, apart from the network's noise of the same seed.
  const rand = seededRandom((seed ^ 0x9e3779b9) >>> 0);
  const match = new Int32Array(n * n).fill(-1);
  const cost = new Float64Array(n * n);
  const DIST_WEIGHT = 4; // per cell of distance, against SSD in 8-bit levels² over 75 values
  const distanceOf = (t: number, s: number): number => {
    const tx = t % n;
    const ty = (t - tx) / n;
    const sx = s % n;
    const sy = (s - sx) / n;
    let ssd = 0;
    for (let dy = -patch; dy <= patch; dy++) {
      const ry = clamp(ty + dy, 0, n - 1);
      const qy = sy + dy; // sources sit at least `patch` cells from the grid's edge
      for (let dx = -patch; dx <= patch; dx++) {
        const a = 3 * (ry * n + clamp(tx + dx, 0, n - 1));
        const b = 3 * (qy * n + sx + dx);
        for (let c = 0; c < 3; c++) {
          const diff = (image[a + c] as number) - (image[b + c] as number);
          ssd += diff * diff;
        }
      }
    }
    return ssd + DIST_WEIGHT * Math.hypot(tx - sx, ty - sy);
  };
  const tryMatch = (t: number, s: number): void => {
    if (s < 0 || s >= n * n || isSource[s] !== 1 || s === match[t]) return;
    const c = distanceOf(t, s);
    if (c < (cost[t] as number)) {
      cost[t] = c;
      match[t] = s;
    }
  };
  for (const t of targets) {
    const s = sources[Math.floor(rand() * sources.length)] as number;
    match[t] = s;
    cost[t] = distanceOf(t, s);
  }
  const isTarget = new Uint8Array(n * n);
  for (const t of targets) isTarget[t] = 1;
  const ITERATIONS = 5;
  for (let it = 0; it < ITERATIONS; it++) {
    const forward = it % 2 === 0;
    const step = forward ? 1 : -1;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[forward ? k : targets.length - 1 - k] as number;
      const tx = t % n;
      // Propagation: a neighbour's match, shifted by the step between them.
      const left = t - step;
      if (tx - step >= 0 && tx - step < n && isTarget[left])
        tryMatch(t, (match[left] as number) + step);
      const up = t - step * n;
      if (up >= 0 && up < n * n && isTarget[up]) tryMatch(t, (match[up] as number) + step * n);
      // Random search around the current match, the radius halving each time.
      for (let radius = n / 2; radius >= 1; radius /= 2) {
        const m = match[t] as number;
        const mx = m % n;
        const my = (m - mx) / n;
        const rx = Math.round(mx + (rand() * 2 - 1) * radius);
        const ry = Math.round(my + (rand() * 2 - 1) * radius);
        if (rx < 0 || ry < 0 || rx >= n || ry >= n) continue;
        tryMatch(t, ry * n + rx);
      }
      // Also try a random source outright, so islands of context are found.
      tryMatch(t, sources[Math.floor(rand() * sources.length)] as number);
    }
  }
  // Coherence: a cell takes a neighbour's offset when that fits nearly as well as its own best
  // match, so neighbouring cells copy one contiguous piece of skin instead of a mosaic (on
  // flat skin many sources fit equally well, and a mosaic of them shows as a grid at 100 %).
  const best = Float64Array.from(cost);
  const TOLERANCE = 1.3;
  const SLACK = 75 * 16; // 4 levels per value over the 5×5×3 patch
  const steps = [-1, 1, -n, n];
  for (let pass = 0; pass < 4; pass++) {
    const forward = pass % 2 === 0;
    for (let k = 0; k < targets.length; k++) {
      const t = targets[forward ? k : targets.length - 1 - k] as number;
      const tx = t % n;
      for (const step of steps) {
        const nb = t - step;
        if (nb < 0 || nb >= n * n || !isTarget[nb]) continue;
        if (Math.abs((nb % n) - tx) > 1) continue; // no wrapping across rows
        const m = match[nb] as number;
        const candidate = m + step;
        if (candidate < 0 || candidate >= n * n || Math.abs((candidate % n) - (m % n)) > 1)
          continue;
        if (isSource[candidate] !== 1 || candidate === match[t]) continue;
        const c = distanceOf(t, candidate);
        if (c <= (best[t] as number) * TOLERANCE + SLACK) {
          match[t] = candidate;
          cost[t] = c;
        }
      }
    }
  }
  return match;
}

/** A binary mask (0/255) grown by `radius` pixels (square), as 0/1. */
function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    let last = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) last = x;
      if (x - last <= radius) rows[y * width + x] = 1;
    }
    last = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask[y * width + x]) last = x;
      if (last - x <= radius) rows[y * width + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    let last = -Infinity;
    for (let y = 0; y < height; y++) {
      if (rows[y * width + x]) last = y;
      if (y - last <= radius) out[y * width + x] = 1;
    }
    last = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (rows[y * width + x]) last = y;
      if (last - y <= radius) out[y * width + x] = 1;
    }
  }
  return out;
}

/** The hard mask softened over about two pixels on either side of its edge, 0–1. */
function softMask(mask: Uint8Array, width: number, height: number): Float32Array {
  const R = 2;
  const grown = dilate(mask, width, height, R);
  const out = new Float32Array(mask.length);
  // A separable box blur of the mask, only where the grown mask is set.
  const rows = new Float32Array(mask.length);
  for (let y = 0; y < height; y++) {
    let acc = 0;
    const row = y * width;
    for (let x = -R; x < width; x++) {
      const add = x + R;
      if (add < width) acc += mask[row + add] ? 1 : 0;
      const drop = x - R - 1;
      if (drop >= 0) acc -= mask[row + drop] ? 1 : 0;
      if (x >= 0) rows[row + x] = acc;
    }
  }
  const side = 2 * R + 1;
  for (let x = 0; x < width; x++) {
    let acc = 0;
    for (let y = -R; y < height; y++) {
      const add = y + R;
      if (add < height) acc += rows[add * width + x] as number;
      const drop = y - R - 1;
      if (drop >= 0) acc -= rows[drop * width + x] as number;
      if (y >= 0 && grown[y * width + x]) out[y * width + x] = acc / (side * side);
    }
  }
  return out;
}

/**
 * Scales a borrowed band so that, per band of low-resolution luminance, its spread inside the
 * hole makes up the context's spread in that band: all of it (`present` null), or only what the
 * hole already lacks (`present`: the band's values in the network's own output there).
 */
function matchGrain(
  input: DetailTransferInput,
  borrowed: Float32Array,
  hole: Uint8Array,
  box: { bx0: number; by0: number; bw: number; bh: number },
  usedSource: Uint8Array,
  cellX: (x: number) => number,
  cellY: (y: number) => number,
  contextBand: (q: number) => number,
  present: ((q: number) => number) | null,
): void {
  const BANDS = 8;
  const ctxSum = new Float64Array(BANDS);
  const ctxCount = new Float64Array(BANDS);
  const holeSum = new Float64Array(BANDS);
  const presentSum = new Float64Array(BANDS);
  const holeCount = new Float64Array(BANDS);
  const { width, height, originalLow, lowRes, resolution: n } = input;
  const bandOfLum = (lum: number) => Math.min(BANDS - 1, Math.floor((lum / 256) * BANDS));
  const lumAt = (buf: Uint8Array, q: number) =>
    0.299 * (buf[q] as number) + 0.587 * (buf[q + 1] as number) + 0.114 * (buf[q + 2] as number);
  // Context: the photo's own band over the cells borrowed from (every other pixel).
  for (let y = 0; y < height; y += 2) {
    const gy = cellY(y);
    for (let x = 0; x < width; x += 2) {
      if (!usedSource[gy * n + cellX(x)]) continue;
      const q = 3 * (y * width + x);
      let e = 0;
      for (let c = 0; c < 3; c++) e += contextBand(q + c) ** 2;
      const band = bandOfLum(lumAt(originalLow, q));
      ctxSum[band] = (ctxSum[band] as number) + e;
      ctxCount[band] = (ctxCount[band] as number) + 1;
    }
  }
  // The hole: its band from what the network made there (its grid value).
  const bands = new Uint8Array(box.bw * box.bh);
  for (let y = 0; y < box.bh; y++) {
    const gy = cellY(y + box.by0);
    for (let x = 0; x < box.bw; x++) {
      const b = y * box.bw + x;
      if (!hole[b]) continue;
      const band = bandOfLum(lumAt(lowRes, 3 * (gy * n + cellX(x + box.bx0))));
      bands[b] = band;
      const q = 3 * ((y + box.by0) * width + x + box.bx0);
      for (let c = 0; c < 3; c++) {
        holeSum[band] = (holeSum[band] as number) + (borrowed[3 * b + c] as number) ** 2;
        if (present) presentSum[band] = (presentSum[band] as number) + present(q + c) ** 2;
      }
      holeCount[band] = (holeCount[band] as number) + 1;
    }
  }
  const gain = new Float32Array(BANDS).fill(present ? 0 : 1);
  for (let b = 0; b < BANDS; b++) {
    if ((holeCount[b] as number) < 16 || (ctxCount[b] as number) < 16) continue;
    const want = ((input.energy ?? 1) * (ctxSum[b] as number)) / (ctxCount[b] as number);
    const already = (presentSum[b] as number) / (holeCount[b] as number);
    const have = (holeSum[b] as number) / (holeCount[b] as number);
    if (have > 1e-6)
      gain[b] = clamp(Math.sqrt(Math.max(0, want - already) / have), present ? 0 : 0.5, 2);
  }
  for (let b = 0; b < bands.length; b++) {
    if (!hole[b]) continue;
    const g = gain[bands[b] as number] as number;
    borrowed[3 * b] = (borrowed[3 * b] as number) * g;
    borrowed[3 * b + 1] = (borrowed[3 * b + 1] as number) * g;
    borrowed[3 * b + 2] = (borrowed[3 * b + 2] as number) * g;
  }
}
