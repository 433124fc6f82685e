/**
 * Export of the edited photo at full resolution: the photo that went in, changed only where the
 * person edited. Only the pixels the edit changed are written over the decoded original (an
 * overlay whose alpha is 0 everywhere else), so every other pixel keeps the original's value.
 *
 * Colour: FaceShop synthesizes in sRGB. A photo with an ICC profile (Display P3 from a phone,
 * Adobe RGB from a camera) keeps that profile byte for byte and its untouched pixels keep their
 * values; the edited pixels are converted from sRGB into the photo's profile before they are
 * written. A photo without a profile is sRGB by convention and stays untagged. CMYK and
 * greyscale photos are written as sRGB (FaceShop edits in colour, on screen values). An opaque
 * photo gets no alpha channel. A 16-bit PNG or TIFF comes back 16-bit (as PNG or TIFF) with its untouched pixels identical
 * at 16 bits (the edited pixels are computed at 8 bits and widened). EXIF, XMP and IPTC are kept (orientation is applied to the pixels
 * and reset) and the software tag names FaceShop.
 *
 * Never silently lossy: PNG and TIFF are lossless; WebP is lossless unless a quality is given;
 * JPEG is lossy by nature and uses the requested quality (default 95, full-resolution chroma
 * from 90 up, because retouchers notice chroma blur on skin and lips).
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
  const input = { limitInputPixels: 30000 * 30000 };
  const meta = await sharp(source, input).metadata();
  // The photo's own colour space is kept unless FaceShop cannot write into it.
  const keepProfile =
    meta.icc !== undefined &&
    meta.space !== 'cmyk' &&
    (meta.channels ?? 3) >= 3 &&
    meta.space !== 'b-w';
  // A 16-bit PNG or TIFF stays 16-bit when written as PNG or TIFF: the whole pipeline runs at
  // 16 bits so the untouched pixels keep every bit (an 8-bit overlay would make libvips
  // composite at 8 bits). JPEG and WebP hold 8 bits.
  const sixteen =
    meta.depth === 'ushort' && (options.format === 'png' || options.format === 'tiff');
  let image = sharp(source, input);
  if (sixteen) image = image.pipelineColourspace('rgb16');
  image = image.rotate();
  if (region) {
    const rgb =
      keepProfile && meta.icc
        ? await intoProfile(region.rgb, region.width, region.height, meta.icc)
        : region.rgb;
    // Only the pixels the edit changed: opaque there, transparent elsewhere (those stay the
    // photo's); at 16 bits for a 16-bit photo (the edit itself is computed at 8 bits).
    const count = region.width * region.height;
    const rgba = sixteen ? new Uint16Array(4 * count) : Buffer.alloc(4 * count);
    const unit = sixteen ? 257 : 1;
    for (let i = 0; i < count; i++) {
      if (region.changed[i] !== 1) continue;
      rgba[4 * i] = (rgb[3 * i] as number) * unit;
      rgba[4 * i + 1] = (rgb[3 * i + 1] as number) * unit;
      rgba[4 * i + 2] = (rgb[3 * i + 2] as number) * unit;
      rgba[4 * i + 3] = 255 * unit;
    }
    image = image.composite([
      {
        // sharp reads raw 16-bit pixels from a Uint16Array (its typings only name Buffer).
        input: rgba as Buffer,
        raw: { width: region.width, height: region.height, channels: 4 },
        left: region.left,
        top: region.top,
        // Over a photo with alpha, the edit takes the photo's own alpha (it is not made opaque).
        ...(meta.hasAlpha ? { blend: 'atop' as const } : {}),
      },
    ]);
  }
  // Compositing adds an alpha channel; an opaque photo must not gain one.
  if (!meta.hasAlpha) image = image.removeAlpha();
  // Metadata: everything the file carried (EXIF, XMP, IPTC; the profile where it is kept), the
  // orientation reset because it is applied, and the software tag naming FaceShop. Nothing of
  // the app's own state is added.
  if (keepProfile) image = image.keepMetadata();
  else {
    image = image.keepExif().keepXmp();
    if (meta.icc !== undefined) image = image.withIccProfile('srgb');
  }
  image = image.withExifMerge({ IFD0: { Software: 'FaceShop' } });
  if (sixteen) image = image.toColourspace('rgb16');
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

/** sRGB pixels converted into the colour space of an ICC profile (given as its bytes). */
async function intoProfile(
  rgb: Uint8Array,
  width: number,
  height: number,
  icc: Buffer,
): Promise<Buffer> {
  // sharp takes an output profile by path: a private temporary copy, removed at once.
  const file = path.join(tmpdir(), `faceshop-${randomUUID()}.icc`);
  await writeFile(file, icc, { flag: 'wx', mode: 0o600 });
  try {
    return await sharp(rgb, { raw: { width, height, channels: 3 } })
      .withIccProfile(file)
      .raw()
      .toBuffer();
  } finally {
    await rm(file, { force: true });
  }
}
