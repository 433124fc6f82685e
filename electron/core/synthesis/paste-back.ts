/**
 * Paste-back: the synthesized square goes back into the full-resolution photo.
 *
 * The result is upsampled from the model's resolution to the work area's size (Lanczos), the
 * person's mask is feathered (a Gaussian of ~1% of the work area, so the seam dissolves at any
 * photo size), and the two are blended only where the feathered alpha is non-zero once
 * quantized to 8 bits. Everywhere else the output's bytes are copied from the decoded original:
 * outside the feathered mask the photo is bit-identical, by construction rather than by luck.
 */
import sharp from 'sharp';
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
}

export function featherSigma(area: WorkArea): number {
  return Math.max(0.8, area.size * 0.01);
}

/**
 * `maskPlane`: the person's mask over the visible part of the work area (0/255, row-major,
 * visiblePart-sized).
 */
export async function pasteBack(
  photo: PhotoSource,
  area: WorkArea,
  output: SynthesisOutput,
  maskPlane: Uint8Array,
): Promise<PastedRegion> {
  const part = visiblePart(area, photo.width, photo.height);
  const original = await photo.open().clone().extract(part).removeAlpha().raw().toBuffer();
  const upscaled = await sharp(output.rgb, {
    raw: { width: output.resolution, height: output.resolution, channels: 3 },
  })
    .resize(area.size, area.size, { fit: 'fill', kernel: 'lanczos3' })
    .extract({
      left: part.left - area.x,
      top: part.top - area.y,
      width: part.width,
      height: part.height,
    })
    .raw()
    .toBuffer();
  const alpha = await sharp(maskPlane, {
    raw: { width: part.width, height: part.height, channels: 1 },
  })
    .blur(featherSigma(area))
    // sharp widens single-channel raw input to three channels unless told otherwise.
    .extractChannel(0)
    .raw()
    .toBuffer();
  const rgb = Buffer.from(original);
  let changedPixels = 0;
  for (let i = 0; i < alpha.length; i++) {
    const a = alpha[i] as number;
    if (a === 0) continue;
    let changed = false;
    for (let c = 0; c < 3; c++) {
      const j = 3 * i + c;
      const o = original[j] as number;
      const v = Math.round(o + ((upscaled[j] as number) - o) * (a / 255));
      if (v !== o) changed = true;
      rgb[j] = v;
    }
    if (changed) changedPixels++;
  }
  return { ...part, rgb, changedPixels };
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
