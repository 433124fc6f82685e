/**
 * Paste-back: the synthesized square goes back into the full-resolution photo.
 *
 * The result is upsampled from the model's resolution to the work area's size (Lanczos), the
 * photo's own fine detail is carried into it where the work area is larger than the network's
 * frame (`detail-transfer.ts`: the band the network cannot make, borrowed from the photo's
 * matching context, grain matched), the person's mask is feathered (a Gaussian of ~1% of the work area, so the seam dissolves at any
 * photo size), and the two are blended only where the feathered alpha is non-zero once
 * quantized to 8 bits. Everywhere else the output's bytes are copied from the decoded original:
 * outside the feathered mask the photo is bit-identical, by construction rather than by luck.
 */
import sharp from 'sharp';
import {
  MIN_DETAIL_SCALE,
  REMOVAL_ENERGY,
  transferDetail,
  type BorrowedDetail,
} from './detail-transfer';
import { planIrisRecolour, type IrisToRecolour } from './iris-recolour';
import type { RefinerStage } from './refiner-stage';
import type { PhotoSource, SynthesisOutput } from './synthesizer';
import { visiblePart, type WorkArea } from './work-area';

export interface PastedRegion {
  /** Where the region goes in the photo. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** Interleaved RGB of the finished region. */
  readonly rgb: Buffer;
  /** Pixels whose value changed (for reports and tests). */
  readonly changedPixels: number;
  /** 1 where the pixel changed, region-sized: only these are written into the photo's file. */
  readonly changed: Uint8Array;
  /** Whether the learned refiner redrew the upsampled output, or why not. */
  readonly refined: 'refined' | 'off' | 'not-installed' | 'not-needed';
  /** Whether the photo's detail was carried into the region, or why not. */
  readonly detail: 'transferred' | 'off' | 'not-needed';
  /**
   * With `layer: true`: the region as a layer to draw over the photo, RGBA, alpha the feathered
   * mask, colour such that drawn over the photo's own pixels it gives exactly `rgb`.
   */
  readonly layer?: Uint8Array;
}

export interface PasteBackOptions {
  /**
   * `'transfer'` (the default): the photo's own fine detail carried into the region;
   * `'off'`: the network's output upsampled alone (for comparisons).
   */
  readonly detail?: 'transfer' | 'off';
  /**
   * The learned full-resolution refiner (`Synthesizer.refiner`), run on the upsampled output
   * before the detail stage; null or absent: none installed. `refine: false` skips it.
   */
  readonly refiner?: RefinerStage | null;
  readonly refine?: boolean;
  /** Also return the region as an RGBA layer (the editor's preview). */
  readonly layer?: boolean;
  /**
   * The document's iris marks: where the photo has an iris under one, the photo's own iris
   * recoloured replaces the network's (iris-recolour.ts), inside the mask only.
   */
  readonly irises?: readonly IrisToRecolour[];
}

export function featherSigma(area: WorkArea): number {
  return Math.max(0.8, area.size * 0.01);
}

/**
 * `maskPlane`: the person's mask over the visible part of the work area (0/255, row-major,
 * visiblePart-sized). The region returned is the window around the mask that can change (the
 * rest of the photo is untouched by construction).
 */
export async function pasteBack(
  photo: PhotoSource,
  area: WorkArea,
  output: SynthesisOutput,
  maskPlane: Uint8Array,
  options: PasteBackOptions = {},
): Promise<PastedRegion> {
  const part = visiblePart(area, photo.width, photo.height);
  const sigma = featherSigma(area);
  // Only a window around the mask can change: the mask's bounds grown by the feather's reach
  // and by room for the detail stage's context (the mask's own size, at least 24 cells of the
  // network's grid). Everything is computed over that window, and it is the region returned.
  const scale = area.size / output.resolution;
  const bounds = maskBounds(maskPlane, part.width, part.height);
  const grow = Math.ceil(
    Math.max(bounds.x1 - bounds.x0 + 1, bounds.y1 - bounds.y0 + 1, 24 * scale, 4 * sigma + 4),
  );
  const wx0 = Math.max(0, bounds.x0 - grow);
  const wy0 = Math.max(0, bounds.y0 - grow);
  const wx1 = Math.min(part.width - 1, bounds.x1 + grow);
  const wy1 = Math.min(part.height - 1, bounds.y1 + grow);
  const win = {
    left: part.left + wx0,
    top: part.top + wy0,
    width: wx1 - wx0 + 1,
    height: wy1 - wy0 + 1,
  };
  const mask = new Uint8Array(win.width * win.height);
  for (let y = 0; y < win.height; y++) {
    const from = (y + wy0) * part.width + wx0;
    mask.set(maskPlane.subarray(from, from + win.width), y * win.width);
  }
  const original = await photo.open().clone().extract(win).removeAlpha().raw().toBuffer();
  const inArea = {
    left: win.left - area.x,
    top: win.top - area.y,
    width: win.width,
    height: win.height,
  };
  const r = output.resolution;
  const upsample = (rgb: Uint8Array): Promise<Buffer> =>
    sharp(rgb, { raw: { width: r, height: r, channels: 3 } })
      .resize(area.size, area.size, { fit: 'fill', kernel: 'lanczos3' })
      .extract(inArea)
      .raw()
      .toBuffer();
  // A view at half the network's resolution, upsampled the same way (two pipelines: sharp
  // runs one resize per pipeline).
  const upsampleHalf = async (rgb: Uint8Array): Promise<Buffer> => {
    const half = await sharp(rgb, { raw: { width: r, height: r, channels: 3 } })
      .resize(r / 2, r / 2, { fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer();
    return sharp(half, { raw: { width: r / 2, height: r / 2, channels: 3 } })
      .resize(area.size, area.size, { fit: 'fill', kernel: 'lanczos3' })
      .extract(inArea)
      .raw()
      .toBuffer();
  };
  let upscaled = await upsample(output.rgb);
  let refined: PastedRegion['refined'] = 'not-needed';
  if (options.refine === false) refined = 'off';
  else if (!options.refiner) refined = 'not-installed';
  else if (scale >= MIN_DETAIL_SCALE) {
    // The refiner sees what training showed it: the upsampled output inside the hard mask,
    // the photo's own sharp pixels around it, and the sketch at the same scale.
    const image = Buffer.from(original);
    for (let i = 0; i < mask.length; i++)
      if (mask[i] !== 0) {
        image[3 * i] = upscaled[3 * i] as number;
        image[3 * i + 1] = upscaled[3 * i + 1] as number;
        image[3 * i + 2] = upscaled[3 * i + 2] as number;
      }
    const sketch = await sharp(Buffer.from(output.sketch.map((v) => (v === 0 ? 0 : 255))), {
      raw: { width: r, height: r, channels: 1 },
    })
      .resize(area.size, area.size, { fit: 'fill', kernel: 'linear' })
      .extract(inArea)
      .extractChannel(0)
      .raw()
      .toBuffer();
    for (let i = 0; i < sketch.length; i++) sketch[i] = (sketch[i] as number) > 64 ? 1 : 0;
    upscaled = Buffer.from(
      await options.refiner.refine({
        image,
        mask,
        sketch,
        width: win.width,
        height: win.height,
      }),
    );
    refined = 'refined';
  }
  let originalLow: Buffer | null = null;
  let borrowed: BorrowedDetail | null = null;
  // (Below 1.25× the network frame there is no band to carry: transferDetail says so.)
  if (options.detail !== 'off' && scale >= MIN_DETAIL_SCALE) {
    // The photo's own low band: what the network saw of it, upsampled the same way.
    originalLow = await upsample(output.input);
    borrowed = transferDetail({
      original,
      originalLow,
      originalLow2: await upsampleHalf(output.input),
      upscaled,
      upscaledLow2: await upsampleHalf(output.rgb),
      mask,
      width: win.width,
      height: win.height,
      offsetX: inArea.left,
      offsetY: inArea.top,
      areaSize: area.size,
      lowRes: output.rgb,
      resolution: output.resolution,
      seed: output.seed,
      energy: output.guided ? 1 : REMOVAL_ENERGY,
    });
  }
  const alpha = await sharp(mask, {
    raw: { width: win.width, height: win.height, channels: 1 },
  })
    .blur(sigma)
    // sharp widens single-channel raw input to three channels unless told otherwise.
    .extractChannel(0)
    .raw()
    .toBuffer();
  const irisPlan =
    options.irises && options.irises.length > 0
      ? planIrisRecolour(original, win, options.irises)
      : null;
  const rgb = Buffer.from(original);
  const layer = options.layer ? new Uint8Array(4 * alpha.length) : null;
  const changedMask = new Uint8Array(alpha.length);
  let changedPixels = 0;
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i] as number;
    if (a === 0) continue;
    const w = a / 255;
    let changed = false;
    // Inside the box around the mask: the borrowed residual and how much of it is borrowed.
    let boxed = -1;
    let share = 0;
    if (borrowed !== null) {
      const x = (i % win.width) - borrowed.left;
      const y = Math.floor(i / win.width) - borrowed.top;
      if (x >= 0 && y >= 0 && x < borrowed.width && y < borrowed.height) {
        boxed = y * borrowed.width + x;
        share = w * (borrowed.borrowedShare[boxed] as number);
      }
    }
    // Two unrelated grains blended in the feather are fainter than either (by up to √2 at
    // half-way): the blended residual is scaled back to one grain's strength.
    const gain = share > 0 ? 1 / Math.sqrt((1 - share) ** 2 + share ** 2) : 1;
    for (let c = 0; c < 3; c++) {
      const j = 3 * i + c;
      const o = original[j] as number;
      let v: number;
      if (borrowed === null || originalLow === null) {
        v = o + ((upscaled[j] as number) - o) * w;
      } else {
        const low = originalLow[j] as number;
        const own = o - low;
        const added = boxed >= 0 ? (borrowed.residual[3 * boxed + c] as number) : own;
        const lowBand = low + ((upscaled[j] as number) - low) * w;
        v = lowBand + gain * ((1 - w) * own + w * added);
      }
      if (irisPlan !== null) {
        const k = w * (irisPlan.weight[i] as number);
        if (k > 0) v += ((irisPlan.rgb[j] as number) - v) * k;
      }
      const q = Math.round(v);
      const clamped = q < 0 ? 0 : q > 255 ? 255 : q;
      if (clamped !== o) changed = true;
      rgb[j] = clamped;
      if (layer) {
        // Drawn with alpha a over o, this colour gives v.
        const shown = Math.round(o + (v - o) / (a / 255));
        layer[4 * i + c] = shown < 0 ? 0 : shown > 255 ? 255 : shown;
      }
    }
    if (layer) layer[4 * i + 3] = a;
    if (changed) {
      changedPixels++;
      changedMask[i] = 1;
    }
  }
  const detail =
    borrowed !== null ? 'transferred' : options.detail === 'off' ? 'off' : 'not-needed';
  return {
    ...win,
    rgb,
    changedPixels,
    changed: changedMask,
    refined,
    detail,
    ...(layer ? { layer } : {}),
  };
}

/** The bounds of a plane's non-zero pixels (the whole plane when it has none). */
function maskBounds(
  plane: Uint8Array,
  width: number,
  height: number,
): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (plane[row + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? { x0: 0, y0: 0, x1: width - 1, y1: height - 1 } : { x0, y0, x1, y1 };
}

/** The work area's person-mask plane, cut from a full-size mask plane. */
export function cropPlane(
  plane: Uint8Array,
  width: number,
  area: WorkArea,
  height: number,
): Uint8Array {
  const part = visiblePart(area, width, height);
  const out = new Uint8Array(part.width * part.height);
  for (let y = 0; y < part.height; y++) {
    const from = (part.top + y) * width + part.left;
    out.set(plane.subarray(from, from + part.width), y * part.width);
  }
  return out;
}
