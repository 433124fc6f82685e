/**
 * What FaceShop agrees to open. The limits are checked from the file's header before any pixel
 * is decoded, so an absurd or hostile file (a 20,000 × 20,000 PNG is 1.6 GB of RGBA) is refused
 * with a message instead of exhausting memory.
 */

/** 100 megapixels: above the largest medium-format cameras, well below what exhausts memory. */
export const MAX_PHOTO_PIXELS = 100_000_000;

/** Longest side accepted; also keeps previews and canvas textures within browser limits. */
export const MAX_PHOTO_SIDE = 30_000;

/** Files larger than this are refused before they are read into memory. */
export const MAX_PHOTO_FILE_BYTES = 512 * 1024 * 1024;

/** The long side of the preview sent to the renderer; full resolution stays in the backend. */
export const PREVIEW_LONG_SIDE = 2048;

/** Why a photo of this size is refused, or null when it is within the limits. */
export function photoSizeRefusal(width: number, height: number): string | null {
  const megapixels = (width * height) / 1_000_000;
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE || width * height > MAX_PHOTO_PIXELS) {
    return (
      `This photo is ${width} × ${height} pixels (${formatMegapixels(megapixels)} megapixels). ` +
      `FaceShop opens photos up to ${MAX_PHOTO_PIXELS / 1_000_000} megapixels ` +
      `and ${MAX_PHOTO_SIDE} pixels on a side.`
    );
  }
  return null;
}

/** Why a file of this many bytes is refused, or null when it is small enough to read. */
export function photoFileSizeRefusal(byteLength: number): string | null {
  if (byteLength <= MAX_PHOTO_FILE_BYTES) return null;
  const mebibytes = Math.round(byteLength / (1024 * 1024));
  const limit = MAX_PHOTO_FILE_BYTES / (1024 * 1024);
  return `This file is ${mebibytes} MB; FaceShop opens photo files up to ${limit} MB.`;
}

function formatMegapixels(megapixels: number): string {
  return megapixels >= 10 ? megapixels.toFixed(0) : megapixels.toFixed(1);
}
