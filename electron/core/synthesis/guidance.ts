/**
 * Guidance: the network's mask, sketch and colour inputs for one work area, at the model's
 * resolution — the one currency both entry points produce: strokes as data (the editor) and
 * guidance images the size of the photo (`faceshop edit`).
 *
 * The network was trained on hard-edged guidance (binary masks, 1–2 px binary sketch lines,
 * opaque colour strokes), so everything is binarized here. The network's mask errs on the wide
 * side (any real coverage counts): the paste-back feathers from the person's own mask, and the
 * network must have synthesized every pixel that the feathered edge will show.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import {
  binarize,
  rasterizeColor,
  rasterizeCoverage,
  type RasterFrame,
  type RasterStroke,
} from '../../../shared/raster/rasterize-strokes';
import { readFile } from 'node:fs/promises';
import { inputRefusal } from '../imaging/input-policy';
import { checkLength, cutWorkArea, type WorkArea } from './work-area';

export interface Guidance {
  readonly resolution: number;
  /** 1 = synthesize. */
  readonly mask: Float32Array;
  /** 1 = line. */
  readonly sketch: Float32Array;
  /** Planar RGBA. */
  readonly color: Float32Array;
}

export interface StrokeLayers {
  readonly mask: readonly RasterStroke[];
  readonly sketch: readonly RasterStroke[];
  readonly color: readonly RasterStroke[];
}

/** Sketch lines at the model's resolution: the training sketches' width. */
export const SKETCH_LINE_WIDTH = 1.5;

export function guidanceFromStrokes(
  layers: StrokeLayers,
  area: WorkArea,
  resolution: number,
): Guidance {
  const frame: RasterFrame = { ...area, resolution };
  return {
    resolution,
    mask: binarize(rasterizeCoverage(layers.mask, frame, { minWidth: 1 }), 0.25),
    sketch: binarize(rasterizeCoverage(layers.sketch, frame, { fixedWidth: SKETCH_LINE_WIDTH })),
    color: rasterizeColor(layers.color, frame, { minWidth: 1.5 }),
  };
}

export function isEmptyMask(mask: Float32Array): boolean {
  return !mask.some((v) => v > 0);
}

export type ImageInput = string | Uint8Array;

export interface GuidanceImages {
  /** White or opaque = region to regenerate. */
  readonly mask: ImageInput;
  /** Dark lines on white or on transparent. */
  readonly sketch?: ImageInput;
  /** RGBA, opaque where colour strokes are. */
  readonly color?: ImageInput;
}

export class GuidanceImageError extends Error {
  override readonly name = 'GuidanceImageError';
}

async function readRgba(
  input: ImageInput,
  label: string,
  width: number,
  height: number,
): Promise<{ data: Buffer; opaque: boolean }> {
  // Guidance is read as bytes and checked by the one input policy before any decoder sees it
  // (an SVG given as a mask would be rendered, its <image href> loading files from disk).
  let bytes: Uint8Array;
  try {
    bytes = typeof input === 'string' ? await readFile(input) : input;
  } catch {
    throw new GuidanceImageError(`the ${label} image could not be read`);
  }
  const refusal = inputRefusal(bytes, `the ${label} image`);
  if (refusal !== null) throw new GuidanceImageError(refusal);
  let image: Sharp;
  let meta: Metadata;
  try {
    image = sharp(bytes, { limitInputPixels: 30000 * 30000 }).rotate();
    meta = await sharp(bytes).metadata();
  } catch {
    throw new GuidanceImageError(`the ${label} image could not be read`);
  }
  const turned = (meta.orientation ?? 1) >= 5;
  const w = turned ? meta.height : meta.width;
  const h = turned ? meta.width : meta.height;
  if (w !== width || h !== height) {
    throw new GuidanceImageError(
      `the ${label} image is ${w}×${h} but the photo is ${width}×${height}; they must be the same size`,
    );
  }
  try {
    const data = await image.ensureAlpha().toColourspace('srgb').raw().toBuffer();
    let opaque = true;
    for (let i = 3; i < data.length; i += 4) {
      if ((data[i] as number) < 255) {
        opaque = false;
        break;
      }
    }
    return { data, opaque };
  } catch {
    throw new GuidanceImageError(`the ${label} image is damaged`);
  }
}

/**
 * Cuts the work area out of a full-size single-channel map and averages it down to the model's
 * resolution (area-weighted, so thin lines survive as faint values rather than vanishing).
 */
async function mapToModel(
  plane: Uint8Array,
  width: number,
  height: number,
  area: WorkArea,
  resolution: number,
): Promise<Float32Array> {
  const cut = await cutWorkArea(
    sharp(plane, { raw: { width, height, channels: 1 } }),
    width,
    height,
    area,
    {
      r: 0,
      g: 0,
      b: 0,
      alpha: 1,
    },
  );
  const buffer = await cut
    .resize(resolution, resolution, { fit: 'fill', kernel: 'linear' })
    // sharp widens single-channel raw input to three channels unless told otherwise.
    .extractChannel(0)
    .raw()
    .toBuffer();
  checkLength(buffer, resolution * resolution, 'mask or sketch');
  const out = new Float32Array(resolution * resolution);
  for (let i = 0; i < out.length; i++) out[i] = (buffer[i] as number) / 255;
  return out;
}

/** The full-size mask plane (0/255) that `faceshop edit`'s paste-back feathers. */
export async function readMaskPlane(
  input: ImageInput,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const { data, opaque } = await readRgba(input, 'mask', width, height);
  const plane = new Uint8Array(width * height);
  for (let i = 0; i < plane.length; i++) {
    const lum =
      0.299 * (data[4 * i] as number) +
      0.587 * (data[4 * i + 1] as number) +
      0.114 * (data[4 * i + 2] as number);
    // Fully opaque file: white = region. With transparency: whatever is painted = region.
    plane[i] = (opaque ? lum >= 128 : (data[4 * i + 3] as number) >= 128) ? 255 : 0;
  }
  return plane;
}

export async function guidanceFromImages(
  images: GuidanceImages,
  maskPlane: Uint8Array,
  width: number,
  height: number,
  area: WorkArea,
  resolution: number,
): Promise<Guidance> {
  const n = resolution * resolution;
  const mask = await mapToModel(maskPlane, width, height, area, resolution);
  for (let i = 0; i < n; i++) mask[i] = (mask[i] as number) > 0.02 ? 1 : 0;

  let sketch: Float32Array = new Float32Array(n);
  if (images.sketch !== undefined) {
    const { data } = await readRgba(images.sketch, 'sketch', width, height);
    const plane = new Uint8Array(width * height);
    for (let i = 0; i < plane.length; i++) {
      const lum =
        0.299 * (data[4 * i] as number) +
        0.587 * (data[4 * i + 1] as number) +
        0.114 * (data[4 * i + 2] as number);
      plane[i] = (data[4 * i + 3] as number) >= 128 && lum < 128 ? 255 : 0;
    }
    sketch = await mapToModel(plane, width, height, area, resolution);
    // A 1-px line in a 1500-px work area averages to ~0.17 at 256 px: keep anything that faint.
    const scale = area.size / resolution;
    const threshold = Math.min(0.5, 0.6 / Math.max(1, scale));
    for (let i = 0; i < n; i++) sketch[i] = (sketch[i] as number) >= threshold ? 1 : 0;
  }

  const color = new Float32Array(4 * n);
  if (images.color !== undefined) {
    const { data } = await readRgba(images.color, 'color', width, height);
    const cut = await cutWorkArea(
      sharp(data, { raw: { width, height, channels: 4 } }),
      width,
      height,
      area,
      {
        r: 0,
        g: 0,
        b: 0,
        alpha: 0,
      },
    );
    const buffer = await cut
      // Nearest: colour strokes must keep their exact colours, not blend with transparent black.
      .resize(resolution, resolution, { fit: 'fill', kernel: 'nearest' })
      .raw()
      .toBuffer();
    checkLength(buffer, 4 * n, 'colour');
    for (let i = 0; i < n; i++) {
      if ((buffer[4 * i + 3] as number) >= 128) {
        color[i] = (buffer[4 * i] as number) / 255;
        color[n + i] = (buffer[4 * i + 1] as number) / 255;
        color[2 * n + i] = (buffer[4 * i + 2] as number) / 255;
        color[3 * n + i] = 1;
      }
    }
  }
  return { resolution, mask, sketch, color };
}
