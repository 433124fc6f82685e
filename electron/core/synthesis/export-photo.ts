/**
 * Export of the edited photo at full resolution. The pasted region is composited over the
 * decoded original as an opaque overlay, so every pixel outside it keeps the original's decoded
 * value. EXIF is kept (orientation is applied to the pixels and reset), and the pixels, which
 * FaceShop works on in sRGB, are tagged with the sRGB profile.
 *
 * Never silently lossy: PNG and TIFF are lossless; WebP is lossless unless a quality is given;
 * JPEG is lossy by nature and uses the requested quality (default 95, full-resolution chroma
 * from 90 up, because retouchers notice chroma blur on skin and lips).
 */
import path from 'node:path';
import '../imaging/sharp-threads';
import sharp from 'sharp';
import {
  EXPORT_EXTENSIONS,
  EXPORT_FORMATS,
  type ExportFormat,
} from '../../../shared/export/export-api';
import type { PastedRegion } from './paste-back';

export { EXPORT_FORMATS, type ExportFormat };

export interface ExportOptions {
  readonly format: ExportFormat;
  /** 1–100, for JPEG (default 95) and lossy WebP (absent = lossless WebP). */
  readonly quality?: number;
}

export function formatFromPath(file: string): ExportFormat | null {
  const ext = path.extname(file).slice(1).toLowerCase();
  return EXPORT_FORMATS.find((format) => EXPORT_EXTENSIONS[format].includes(ext)) ?? null;
}

export async function exportEdited(
  source: string | Uint8Array,
  region: PastedRegion | null,
  options: ExportOptions,
): Promise<Buffer> {
  let image = sharp(source, { limitInputPixels: 30000 * 30000 }).rotate();
  if (region) {
    image = image.composite([
      {
        input: region.rgb,
        raw: { width: region.width, height: region.height, channels: 3 },
        left: region.left,
        top: region.top,
      },
    ]);
  }
  image = image.keepExif().withIccProfile('srgb');
  switch (options.format) {
    case 'png':
      return image.png({ compressionLevel: 6 }).toBuffer();
    case 'jpeg': {
      const quality = options.quality ?? 95;
      return image
        .jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0', mozjpeg: false })
        .toBuffer();
    }
    case 'tiff':
      return image.tiff({ compression: 'lzw' }).toBuffer();
    case 'webp':
      return options.quality === undefined
        ? image.webp({ lossless: true }).toBuffer()
        : image.webp({ quality: options.quality }).toBuffer();
  }
}
