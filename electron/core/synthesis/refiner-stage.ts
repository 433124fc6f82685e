/**
 * The learned full-resolution refiner (models/refiner.onnx, role "refiner"): after the base
 * network's 256-px output is upsampled into the work area, it redraws the structure that the
 * upsampling softens (lid lines, lip edges, nostrils) at the photo's own scale.
 *
 * It runs on the paste-back's window in tiles, so its cost follows the mask, not the photo:
 * only tiles that hold mask pixels run, each with a margin wider than the network's reach so
 * tiles join without seams. The graph composites itself (the photo wherever the mask is 0).
 */
import type { InferenceService } from '../inference/inference-service';
import type { RefinerManifest } from '../inference/model-manifest';

export interface RefineInput {
  /** Interleaved RGB, width×height: the upsampled output inside the mask, the photo outside. */
  readonly image: Uint8Array;
  /** 0 = the photo (kept), anything else = synthesized (refined here). */
  readonly mask: Uint8Array;
  /** 0 = no line, anything else = a line of the person's sketch, at the same scale. */
  readonly sketch: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface RefinerStage {
  readonly name: string;
  readonly version: string;
  /**
   * The refined window (interleaved RGB); equal to `image` wherever the mask is 0. `core`: the
   * side of a tile's kept part (tests compare tilings).
   */
  refine(input: RefineInput, core?: number): Promise<Uint8Array>;
}

/** The refiner's reach is about 70 px; each tile sees this much of its neighbours. */
export const TILE_MARGIN = 80;
/** The side of a tile's core (the part of its output that is kept). */
export const TILE_CORE = 384;

export interface Tile {
  /** The core: where this tile's output is kept. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** What the network sees: the core and its margin, clipped to the window. */
  readonly ix0: number;
  readonly iy0: number;
  readonly ix1: number;
  readonly iy1: number;
}

/**
 * The tiles that cover the mask's bounding box (exclusive ends); none for an empty mask. Each
 * tile's input starts on a multiple of `align` (the graph's downsampling step), so every tile
 * sees the same sampling grid as the whole window would and tiles join without a seam.
 */
export function tilesFor(
  mask: Uint8Array,
  width: number,
  height: number,
  align = 4,
  core = TILE_CORE,
  margin = TILE_MARGIN,
): Tile[] {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  if (x1 < 0) return [];
  const tiles: Tile[] = [];
  for (let ty = y0; ty <= y1; ty += core)
    for (let tx = x0; tx <= x1; tx += core) {
      const cx1 = Math.min(tx + core, x1 + 1);
      const cy1 = Math.min(ty + core, y1 + 1);
      tiles.push({
        x0: tx,
        y0: ty,
        x1: cx1,
        y1: cy1,
        ix0: Math.max(0, Math.floor((tx - margin) / align) * align),
        iy0: Math.max(0, Math.floor((ty - margin) / align) * align),
        ix1: Math.min(width, cx1 + margin),
        iy1: Math.min(height, cy1 + margin),
      });
    }
  return tiles;
}

/** The refiner over an open session (the app's worker, or the CLI's own thread). */
export class TiledRefiner implements RefinerStage {
  readonly name: string;
  readonly version: string;

  constructor(
    private readonly inference: InferenceService,
    private readonly manifest: RefinerManifest,
  ) {
    this.name = manifest.name;
    this.version = manifest.version;
  }

  async refine(input: RefineInput, core = TILE_CORE): Promise<Uint8Array> {
    const { width, height, image, mask, sketch } = input;
    if (image.length !== 3 * width * height || mask.length !== width * height)
      throw new RangeError('the refiner got planes of the wrong size');
    const out = Uint8Array.from(image);
    const multiple = this.manifest.tileMultiple;
    for (const tile of tilesFor(mask, width, height, multiple, core)) {
      const tw = tile.ix1 - tile.ix0;
      const th = tile.iy1 - tile.iy0;
      // Padded to the graph's multiple by repeating the last row and column.
      const pw = Math.ceil(tw / multiple) * multiple;
      const ph = Math.ceil(th / multiple) * multiple;
      const n = pw * ph;
      const img = new Float32Array(3 * n);
      const msk = new Float32Array(n);
      const skt = new Float32Array(n);
      for (let y = 0; y < ph; y++) {
        const sy = tile.iy0 + Math.min(y, th - 1);
        for (let x = 0; x < pw; x++) {
          const s = sy * width + tile.ix0 + Math.min(x, tw - 1);
          const d = y * pw + x;
          img[d] = (image[3 * s] as number) / 255;
          img[n + d] = (image[3 * s + 1] as number) / 255;
          img[2 * n + d] = (image[3 * s + 2] as number) / 255;
          msk[d] = mask[s] === 0 ? 0 : 1;
          skt[d] = sketch[s] === 0 ? 0 : 1;
        }
      }
      const result = await this.inference.runExclusive({
        image: { data: img, dims: [1, 3, ph, pw] },
        mask: { data: msk, dims: [1, 1, ph, pw] },
        sketch: { data: skt, dims: [1, 1, ph, pw] },
      });
      const data = result.output.data;
      for (let y = tile.y0; y < tile.y1; y++)
        for (let x = tile.x0; x < tile.x1; x++) {
          const s = y * width + x;
          if (mask[s] === 0) continue;
          const d = (y - tile.iy0) * pw + (x - tile.ix0);
          for (let c = 0; c < 3; c++) {
            const v = Math.round((data[c * n + d] as number) * 255);
            out[3 * s + c] = v < 0 ? 0 : v > 255 ? 255 : v;
          }
        }
    }
    return out;
  }
}
