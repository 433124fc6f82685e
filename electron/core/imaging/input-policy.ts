/**
 * One input policy for the app and the CLI: which files FaceShop reads as pictures. Decided on
 * the file's first bytes, before any decoder sees it, so a vector drawing (SVG, which librsvg
 * would render and whose `<image href>` would load files from disk), a libvips `.vips` file, a
 * PDF or anything else never reaches sharp as a photo or as guidance.
 */
import type { PhotoFormat } from '../../../shared/photo/photo';

export const SUPPORTED_FORMATS_TEXT = 'JPEG, PNG, WebP, TIFF, AVIF, HEIF or GIF';

const ascii = (bytes: Uint8Array, from: number, text: string): boolean => {
  if (bytes.length < from + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[from + i] !== text.charCodeAt(i)) return false;
  return true;
};

/**
 * The raster format the bytes start with, or null. AVIF and HEIF share the ISO-BMFF `ftyp`
 * box; its brand tells them apart (sharp's metadata refines HEIF/AVIF after this check).
 */
export function rasterFormatOf(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (ascii(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (
    ascii(bytes, 0, 'II*\0') ||
    ascii(bytes, 0, 'MM\0*') ||
    ascii(bytes, 0, 'II+\0') ||
    ascii(bytes, 0, 'MM\0+')
  )
    return 'tiff';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (ascii(bytes, 4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      return 'heif';
  }
  return null;
}

/** Why these bytes are refused as `what` ("the photo", "the mask image"), or null. */
export function inputRefusal(bytes: Uint8Array, what: string): string | null {
  if (rasterFormatOf(bytes) !== null) return null;
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  const kind =
    head.startsWith('<') && head.includes('<svg')
      ? 'an SVG drawing'
      : head.startsWith('<')
        ? 'a text or XML file'
        : ascii(bytes, 0, '%PDF')
          ? 'a PDF document'
          : 'not a picture FaceShop reads';
  return `${what} is ${kind}; FaceShop reads ${SUPPORTED_FORMATS_TEXT} pictures`;
}
