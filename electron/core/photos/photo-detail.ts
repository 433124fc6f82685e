/**
 * `photoDetail`: the open photo's own pixels for one rectangle at full resolution, decoded the
 * way its preview is (EXIF orientation applied, converted to sRGB), so the canvas can lay them
 * over the preview at 100 % and beyond and the two agree.
 */
import sharp from 'sharp';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { MAX_PHOTO_PIXELS } from '../../../shared/photo/photo-limits';
import type { PhotoDetail, PhotoDetailRequest } from '../../../shared/photo/photo-detail';
import { inFaceShopWords } from '../failure-words';
import type { PhotoStore } from './photo-store';

export async function photoDetail(
  request: PhotoDetailRequest,
  photos: PhotoStore,
): Promise<Result<PhotoDetail>> {
  const asset = photos.get(request.photoId);
  if (!asset) return fail('photo-not-found', 'The photo is no longer open; open it again.');
  const { x, y, width, height } = request;
  const photo = asset.info;
  if (x + width > photo.width || y + height > photo.height)
    return fail(
      'invalid-request',
      `The part of the photo asked for (${width}×${height} at ${x},${y}) is not inside the ${photo.width}×${photo.height} photo.`,
    );
  try {
    const data = await sharp(asset.source, { limitInputPixels: MAX_PHOTO_PIXELS })
      .autoOrient()
      .extract({ left: x, top: y, width, height })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer();
    if (data.length !== 4 * width * height)
      return fail('invalid-request', 'The photo’s pixels could not be read at full resolution.');
    return ok({
      x,
      y,
      width,
      height,
      rgba: new Uint8Array(data.buffer, data.byteOffset, data.length),
    });
  } catch (error) {
    return fail(
      'invalid-request',
      `The photo’s pixels could not be read at full resolution. ${inFaceShopWords(error).message}`,
    );
  }
}
