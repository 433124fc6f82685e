/**
 * How closely a picture follows a sketch: the picture goes through the one sketch domain (the
 * graph that made the training sketches, run here in the test process), and its lines are
 * compared with the sketch's inside a mask, with a distance tolerance — the F1 score of line
 * pixels, as in edge-detection benchmarks. Precision: the picture's lines that lie near a
 * sketch line; recall: the sketch's lines the picture has a line near.
 */
import sharp from 'sharp';
import type { SketchDomain } from '../../../electron/core/sketch/sketch-domain';
import type { Pixels } from './editor-page';

export interface LineAgreement {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly pictureLinePixels: number;
  readonly sketchLinePixels: number;
}

/** Marks pixels within `radius` (Chebyshev) of a set pixel. */
function dilate(map: Uint8Array, size: number, radius: number): Uint8Array {
  const out = new Uint8Array(map.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!map[y * size + x]) continue;
      for (let dy = -radius; dy <= radius; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= size) continue;
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < size) out[yy * size + xx] = 1;
        }
      }
    }
  }
  return out;
}

export function lineAgreement(
  picture: Uint8Array,
  sketch: Uint8Array,
  mask: Uint8Array,
  size: number,
  tolerance: number,
): LineAgreement {
  const nearSketch = dilate(sketch, size, tolerance);
  const nearPicture = dilate(picture, size, tolerance);
  let pictureLines = 0;
  let sketchLines = 0;
  let hits = 0;
  let found = 0;
  for (let i = 0; i < size * size; i++) {
    if (!mask[i]) continue;
    if (picture[i]) {
      pictureLines++;
      if (nearSketch[i]) hits++;
    }
    if (sketch[i]) {
      sketchLines++;
      if (nearPicture[i]) found++;
    }
  }
  const precision = pictureLines === 0 ? 0 : hits / pictureLines;
  const recall = sketchLines === 0 ? 0 : found / sketchLines;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pictureLinePixels: pictureLines, sketchLinePixels: sketchLines };
}

/** The square `area` of a read-back picture, resized to `size`², through the sketch domain. */
export async function pictureLines(
  sketcher: SketchDomain,
  pixels: Pixels,
  area: { readonly x: number; readonly y: number; readonly size: number },
  size: number,
): Promise<Uint8Array> {
  const rgb = await sharp(Buffer.from(pixels.rgba), {
    raw: { width: pixels.width, height: pixels.height, channels: 4 },
  })
    .extract({ left: area.x, top: area.y, width: area.size, height: area.size })
    .removeAlpha()
    .resize(size, size, { kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  const lines = await sketcher.lines({ data: new Uint8Array(rgb), width: size, height: size });
  return lines.data;
}
