/**
 * Turns the bytes of a photo file into what the editor needs: its metadata as displayed and a
 * downscaled sRGB preview.
 *
 * Order matters. The header is read first (sharp's `metadata()` does not decode pixels), the
 * size limits are checked on it, and only then are pixels decoded — with sharp's own
 * `limitInputPixels` as a second fence. EXIF orientation is applied, so width and height are
 * those a person sees, and every colour space (CMYK, grey, 16-bit, embedded ICC profiles) is
 * converted to 8-bit sRGB, the space the network and the canvas work in.
 */
import sharp, { type Metadata } from 'sharp';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { PhotoFormat, PhotoInfo, PhotoPreview } from '../../../shared/photo/photo';
import {
  MAX_PHOTO_PIXELS,
  PREVIEW_LONG_SIDE,
  photoSizeRefusal,
} from '../../../shared/photo/photo-limits';

export interface DecodedPhoto {
  readonly info: PhotoInfo;
  readonly preview: PhotoPreview;
}

import { SUPPORTED_FORMATS_TEXT, inputRefusal, rasterFormatOf } from './input-policy';

/** JPEG quality of opaque previews: visually lossless at preview size, a few hundred kB. */
const PREVIEW_JPEG_QUALITY = 90;

export async function decodePhoto(
  bytes: Uint8Array,
  fileName: string,
): Promise<Result<DecodedPhoto>> {
  // A drawing or document never reaches a decoder (one input policy with the CLI).
  if (rasterFormatOf(bytes) === null) {
    const refusal = inputRefusal(bytes, `“${fileName}”`);
    if (refusal !== null && !refusal.includes('not a picture'))
      return fail('photo-unsupported-format', `${refusal}.`);
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return fail(
      'photo-unreadable',
      `“${fileName}” could not be read as an image: it is not a photo, or it is damaged.`,
    );
  }

  const format = photoFormatOf(metadata);
  if (format === null) {
    return fail(
      'photo-unsupported-format',
      `“${fileName}” is a ${metadata.format.toUpperCase()} file; FaceShop opens ${SUPPORTED_FORMATS_TEXT} photos.`,
    );
  }

  const orientation = metadata.orientation ?? 1;
  // Orientations 5–8 turn the picture by 90°, so the displayed width is the stored height.
  const turned = orientation >= 5;
  const width = turned ? metadata.height : metadata.width;
  const height = turned ? metadata.width : metadata.height;
  const refusal = photoSizeRefusal(width, height);
  if (refusal !== null) return fail('photo-too-large', `“${fileName}”: ${refusal}`);

  let preview: PhotoPreview;
  try {
    preview = await renderPreview(bytes, metadata.hasAlpha);
  } catch {
    return fail('photo-unreadable', `“${fileName}” is damaged: its pixels could not be decoded.`);
  }

  return ok({
    info: {
      fileName,
      fileBytes: bytes.byteLength,
      format,
      width,
      height,
      orientation,
      hasAlpha: metadata.hasAlpha,
      hasIccProfile: metadata.icc !== undefined,
      hasExif: metadata.exif !== undefined,
    },
    preview,
  });
}

async function renderPreview(bytes: Uint8Array, hasAlpha: boolean): Promise<PhotoPreview> {
  const pipeline = sharp(bytes, {
    limitInputPixels: MAX_PHOTO_PIXELS,
    // Tolerate warnings that every photo viewer shrugs off, refuse real damage and truncation.
    failOn: 'error',
  })
    .autoOrient()
    .resize({
      width: PREVIEW_LONG_SIDE,
      height: PREVIEW_LONG_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .toColourspace('srgb');

  const encoded = hasAlpha
    ? pipeline.png({ compressionLevel: 3 })
    : pipeline.jpeg({ quality: PREVIEW_JPEG_QUALITY });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return {
    // A plain Uint8Array view: Buffer is one too, but some transports treat it specially.
    bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    mimeType: hasAlpha ? 'image/png' : 'image/jpeg',
    width: info.width,
    height: info.height,
  };
}

/** The editor's name for a decoded format, or null for formats that are not photos. */
function photoFormatOf(metadata: Metadata): PhotoFormat | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'tiff':
    case 'gif':
      return metadata.format;
    case 'heif':
      // libheif reports AVIF as HEIF with AV1 compression.
      return metadata.compression === 'av1' ? 'avif' : 'heif';
    default:
      return null;
  }
}
