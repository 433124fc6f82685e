/**
 * A work area turned to the head's roll: the network was trained on aligned faces (eyes level),
 * so for a tilted head it is shown the square of the same size turned by the roll about the
 * work area's centre, the person's guidance turned the same way, and its output is turned back
 * into the axis-aligned work area before the finish stage. The document's work area stays the
 * axis-aligned square; only the network's view of it turns.
 *
 * Geometry: the network frame's pixel (u, v) shows the photo point
 *   c + s · R(roll) · (u + ½ − r/2, v + ½ − r/2),
 * with c the work area's centre, s = size / r and R the rotation by the roll in the photo's
 * pixels (y down, so positive is clockwise as seen, like `FaceLandmarks.rollDegrees`): the
 * frame's x axis runs along the eye line.
 *
 * Everything downstream (refiner, detail stage, feather, compositing) stays in the axis-aligned
 * work area with the person's own mask, so outside the feathered mask the photo is bit-identical
 * exactly as for an upright work area.
 */
import sharp, { type Sharp } from 'sharp';
import type { Guidance } from './guidance';
import { checkLength, cutWorkArea, type WorkArea } from './work-area';

/**
 * Rolls up to this (degrees, either way) are edited upright: exactly today's pixels. Above the
 * landmark model's noise: the upright astronaut portrait measures 3.2°, and turning it by that
 * gained on one eye and lost on the mouth (one photo, one seed: no real difference).
 */
export const ROLL_THRESHOLD_DEGREES = 5;

/**
 * The turn the network's view gets for a measured roll: 0 (upright) when there is none, it is
 * not a number, or it is within the threshold; otherwise the roll, brought into (−180°, 180°].
 */
export function effectiveRoll(rollDegrees: number | undefined | null): number {
  if (rollDegrees === undefined || rollDegrees === null || !Number.isFinite(rollDegrees)) return 0;
  let a = rollDegrees % 360;
  if (a > 180) a -= 360;
  if (a <= -180) a += 360;
  return Math.abs(a) > ROLL_THRESHOLD_DEGREES ? a : 0;
}

interface Turn {
  readonly cos: number;
  readonly sin: number;
}

function turnOf(degrees: number): Turn {
  const a = (degrees * Math.PI) / 180;
  return { cos: Math.cos(a), sin: Math.sin(a) };
}

/** Catmull-Rom weights for a fractional offset t in [0, 1) (taps −1, 0, 1, 2). */
function cubicWeights(t: number, w: Float64Array): void {
  const t2 = t * t;
  const t3 = t2 * t;
  w[0] = -0.5 * t3 + t2 - 0.5 * t;
  w[1] = 1.5 * t3 - 2.5 * t2 + 1;
  w[2] = -1.5 * t3 + 2 * t2 + 0.5 * t;
  w[3] = 0.5 * t3 - 0.5 * t2;
}

/**
 * Bicubic sampler of an interleaved image with `channels` channels, edges repeated (the same
 * rule as cutWorkArea's padding): `sample(x, y, out)` at pixel-index coordinates (pixel i's
 * centre is at i).
 */
function bicubicSampler(
  data: ArrayLike<number>,
  width: number,
  height: number,
  channels: number,
): (x: number, y: number, out: Float64Array) => void {
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  const xs = new Int32Array(4);
  const ys = new Int32Array(4);
  return (x, y, out) => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    cubicWeights(x - x0, wx);
    cubicWeights(y - y0, wy);
    for (let k = 0; k < 4; k++) {
      const xi = x0 - 1 + k;
      const yi = y0 - 1 + k;
      xs[k] = xi < 0 ? 0 : xi >= width ? width - 1 : xi;
      ys[k] = yi < 0 ? 0 : yi >= height ? height - 1 : yi;
    }
    for (let c = 0; c < channels; c++) out[c] = 0;
    for (let j = 0; j < 4; j++) {
      const row = (ys[j] as number) * width;
      const wj = wy[j] as number;
      for (let k = 0; k < 4; k++) {
        const w = wj * (wx[k] as number);
        const base = (row + (xs[k] as number)) * channels;
        for (let c = 0; c < channels; c++)
          out[c] = (out[c] as number) + w * (data[base + c] as number);
      }
    }
  };
}

/**
 * The network's view of the work area turned by `rollDegrees`: `resolution`², 8-bit sRGB RGB
 * interleaved, from an oriented sRGB sharp pipeline of the photo. It samples the photo beyond
 * the axis-aligned square (the turned square's corners), edges repeated where it leaves the
 * photo, as `renderWorkArea` does. The square bounding the turned one is cut and reduced with
 * Lanczos to twice the network's scale, sampled bicubically on the turned grid at that scale and
 * reduced with Lanczos to the network's resolution, so the network sees the photo as sharp as
 * an upright work area shows it.
 */
export async function renderTurnedWorkArea(
  photo: Sharp,
  photoWidth: number,
  photoHeight: number,
  area: WorkArea,
  resolution: number,
  rollDegrees: number,
): Promise<Uint8Array> {
  const r = resolution;
  const turn = turnOf(rollDegrees);
  const reach = ((Math.abs(turn.cos) + Math.abs(turn.sin)) * area.size) / 2;
  // The working scale: twice the network's, never above the photo's own.
  const f = Math.min(1, (2 * r) / area.size);
  const margin = Math.ceil(4 / f) + 1;
  const cx = area.x + area.size / 2;
  const cy = area.y + area.size / 2;
  const bx = Math.floor(cx - reach) - margin;
  const by = Math.floor(cy - reach) - margin;
  // (cx and cy have the same fraction, so the bounds are square.)
  const bounds: WorkArea = { x: bx, y: by, size: Math.ceil(cx + reach) + margin - bx };
  const cut = await cutWorkArea(photo, photoWidth, photoHeight, bounds, 'copy');
  const side = f < 1 ? Math.max(1, Math.round(bounds.size * f)) : bounds.size;
  const reduced = await (
    side === bounds.size ? cut : cut.resize(side, side, { fit: 'fill', kernel: 'lanczos3' })
  )
    .removeAlpha()
    .raw()
    .toBuffer();
  checkLength(reduced, side * side * 3, 'turned work area');
  // Photo pixels → the reduced square's pixel-index coordinates (centres at i + ½ · k scale).
  const k = side / bounds.size;
  const sample = bicubicSampler(reduced, side, side, 3);
  const fine = 2 * r;
  const s = area.size / fine; // photo pixels per fine-grid pixel
  const grid = Buffer.alloc(fine * fine * 3);
  const px = new Float64Array(3);
  for (let v = 0; v < fine; v++) {
    const dv = (v + 0.5 - r) * s;
    for (let u = 0; u < fine; u++) {
      const du = (u + 0.5 - r) * s;
      const x = cx + turn.cos * du - turn.sin * dv;
      const y = cy + turn.sin * du + turn.cos * dv;
      sample((x - bx) * k - 0.5, (y - by) * k - 0.5, px);
      const d = 3 * (v * fine + u);
      for (let c = 0; c < 3; c++) {
        const q = Math.round(px[c] as number);
        grid[d + c] = q < 0 ? 0 : q > 255 ? 255 : q;
      }
    }
  }
  const out = await sharp(grid, { raw: { width: fine, height: fine, channels: 3 } })
    .resize(r, r, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  checkLength(out, r * r * 3, 'turned work area');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * Pixels of the network frame the turned frame's corners may not reach: a mask pixel of the
 * axis-aligned frame must land at least this far inside the turned one (the mask's dilation
 * and the cubic's reach).
 */
const INSIDE_MARGIN = 4;

/**
 * Whether every pixel of the axis-aligned network mask lies inside the turned square (the two
 * squares' corners stick out of each other: a mask in a corner of the work area cannot be
 * synthesized in the turned frame, and such an edit runs upright).
 */
export function maskFitsTurned(
  mask: Float32Array,
  resolution: number,
  rollDegrees: number,
): boolean {
  const r = resolution;
  const turn = turnOf(rollDegrees);
  const lo = INSIDE_MARGIN - 0.5;
  const hi = r - 0.5 - INSIDE_MARGIN;
  for (let y = 0; y < r; y++) {
    const oy = y + 0.5 - r / 2;
    for (let x = 0; x < r; x++) {
      if ((mask[y * r + x] as number) <= 0) continue;
      const ox = x + 0.5 - r / 2;
      // Axis frame offset → turned frame: R(−roll).
      const u = r / 2 + turn.cos * ox + turn.sin * oy - 0.5;
      const v = r / 2 - turn.sin * ox + turn.cos * oy - 0.5;
      if (u < lo || u > hi || v < lo || v > hi) return false;
    }
  }
  return true;
}

/** A binary plane (0/1) grown by `radius` pixels (square neighbourhood). */
function dilate(plane: Float32Array, n: number, radius: number): Float32Array {
  const rows = new Float32Array(plane.length);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if ((plane[y * n + x] as number) === 0) continue;
      for (let d = Math.max(0, x - radius); d <= Math.min(n - 1, x + radius); d++)
        rows[y * n + d] = 1;
    }
  const out = new Float32Array(plane.length);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      if ((rows[y * n + x] as number) === 0) continue;
      for (let d = Math.max(0, y - radius); d <= Math.min(n - 1, y + radius); d++)
        out[d * n + x] = 1;
    }
  return out;
}

/**
 * The guidance planes turned into the network's turned frame. The mask errs on the wide side
 * (any axis-aligned mask pixel near a turned pixel counts, then grown by 2 px), so the network
 * synthesizes every pixel that turning its output back reads for the axis-aligned mask. Sketch
 * lines are sampled bilinearly and binarized at about their own width; colour strokes take the
 * nearest pixel, keeping their exact colours.
 */
export function turnGuidance(guidance: Guidance, rollDegrees: number): Guidance {
  const r = guidance.resolution;
  const n = r * r;
  const turn = turnOf(rollDegrees);
  const mask = new Float32Array(n);
  const sketch = new Float32Array(n);
  const color = new Float32Array(4 * n);
  const at = (plane: Float32Array, x: number, y: number): number =>
    x < 0 || y < 0 || x >= r || y >= r ? 0 : (plane[y * r + x] as number);
  for (let v = 0; v < r; v++) {
    const dv = v + 0.5 - r / 2;
    for (let u = 0; u < r; u++) {
      const du = u + 0.5 - r / 2;
      // Turned frame offset → axis frame: R(roll); pixel-index coordinates.
      const x = r / 2 + turn.cos * du - turn.sin * dv - 0.5;
      const y = r / 2 + turn.sin * du + turn.cos * dv - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const tx = x - x0;
      const ty = y - y0;
      const i = v * r + u;
      const m00 = at(guidance.mask, x0, y0);
      const m10 = at(guidance.mask, x0 + 1, y0);
      const m01 = at(guidance.mask, x0, y0 + 1);
      const m11 = at(guidance.mask, x0 + 1, y0 + 1);
      if (m00 > 0 || m10 > 0 || m01 > 0 || m11 > 0) mask[i] = 1;
      const s =
        (1 - ty) * ((1 - tx) * at(guidance.sketch, x0, y0) + tx * at(guidance.sketch, x0 + 1, y0)) +
        ty *
          ((1 - tx) * at(guidance.sketch, x0, y0 + 1) + tx * at(guidance.sketch, x0 + 1, y0 + 1));
      if (s >= 0.4) sketch[i] = 1;
      const nx = Math.round(x);
      const ny = Math.round(y);
      if (nx >= 0 && ny >= 0 && nx < r && ny < r) {
        const j = ny * r + nx;
        if ((guidance.color[3 * n + j] as number) > 0.5)
          for (let c = 0; c < 4; c++) color[c * n + i] = guidance.color[c * n + j] as number;
      }
    }
  }
  return { resolution: r, mask: dilate(mask, r, 2), sketch, color };
}

/**
 * The network's output in the turned frame (planar RGB in [0, 1], resolution²) turned back into
 * the axis-aligned frame, planar, bicubic. Only the axis frame's mask pixels are read by the
 * caller (elsewhere the work area's own pixels are kept); pixels the turned frame does not
 * cover repeat its edge.
 */
export function turnOutputBack(
  planar: Float32Array,
  resolution: number,
  rollDegrees: number,
  axisMask: Float32Array,
): Float32Array {
  const r = resolution;
  const n = r * r;
  const turn = turnOf(rollDegrees);
  const out = new Float32Array(3 * n);
  const wx = new Float64Array(4);
  const wy = new Float64Array(4);
  for (let y = 0; y < r; y++) {
    const oy = y + 0.5 - r / 2;
    for (let x = 0; x < r; x++) {
      const i = y * r + x;
      if ((axisMask[i] as number) <= 0) continue;
      const ox = x + 0.5 - r / 2;
      const u = r / 2 + turn.cos * ox + turn.sin * oy - 0.5;
      const v = r / 2 - turn.sin * ox + turn.cos * oy - 0.5;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      cubicWeights(u - u0, wx);
      cubicWeights(v - v0, wy);
      for (let c = 0; c < 3; c++) {
        let acc = 0;
        for (let j = 0; j < 4; j++) {
          const yy = Math.min(r - 1, Math.max(0, v0 - 1 + j));
          let row = 0;
          for (let k = 0; k < 4; k++) {
            const xx = Math.min(r - 1, Math.max(0, u0 - 1 + k));
            row += (wx[k] as number) * (planar[c * n + yy * r + xx] as number);
          }
          acc += (wy[j] as number) * row;
        }
        out[c * n + i] = acc;
      }
    }
  }
  return out;
}
