/** A photo file as the synthesis pipeline reads it: checked header, oriented sRGB pixels on demand. */
import '../imaging/sharp-threads';
import sharp, { type Metadata } from 'sharp';
import { MAX_PHOTO_PIXELS, photoSizeRefusal } from '../../../shared/photo/photo-limits';
import { inFaceShopWords } from '../failure-words';
import { inputRefusal } from '../imaging/input-policy';
import type { PhotoSource } from './synthesizer';

export class PhotoReadError extends Error {
  override readonly name = 'PhotoReadError';
}

export async function photoSourceFromBytes(
  key: string,
  bytes: Uint8Array,
  label = 'the photo',
): Promise<PhotoSource> {
  const refusal0 = inputRefusal(bytes, label);
  if (refusal0 !== null) throw new PhotoReadError(refusal0);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoReadError(
      `${label} could not be read as an image: it is not a photo, or it is damaged`,
    );
  }
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  const refusal = photoSizeRefusal(width, height);
  if (refusal !== null) throw new PhotoReadError(`${label}: ${refusal}`);
  return {
    key,
    width,
    height,
    // sharp orients first, then converts any colour space (CMYK, grey, wide gamut) to sRGB.
    open: () => sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS }).rotate().toColourspace('srgb'),
  };
}

/**
 * Whether the photo's pixels decode, checked cheaply before anything slow is loaded for it (a
 * JPEG decodes at 1/8 scale here): a file whose header is fine but whose data is cut short is
 * refused in FaceShop's words at once, not after the model and the face detector have loaded.
 */
export async function checkPhotoDecodes(bytes: Uint8Array, label = 'the photo'): Promise<void> {
  try {
    await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'truncated' })
      .rotate()
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch (error) {
    throw new PhotoReadError(inFaceShopWords(error, capitalized(label)).message);
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
