/**
 * The photo's own pixels at full resolution for the part of it on screen: what the canvas shows
 * at 100 % and beyond, where the screen-sized preview would be scaled up (JPEG blocks, no grain).
 */
import { z } from 'zod';
import { BytesSchema } from '../ipc/bytes';
import { PhotoIdSchema } from './photo';

/** The largest side of one detail request (2560² RGBA is 26 MB): a screen's worth at 100 %. */
export const MAX_DETAIL_SIDE = 2560;

const side = z.number().int().min(1).max(MAX_DETAIL_SIDE);
const offset = z.number().int().min(0).max(1_000_000);

export const PhotoDetailRequestSchema = z.object({
  photoId: PhotoIdSchema,
  /** The rectangle in the photo's pixels (after its EXIF orientation), inside the photo. */
  x: offset,
  y: offset,
  width: side,
  height: side,
});
export type PhotoDetailRequest = z.infer<typeof PhotoDetailRequestSchema>;

export const PhotoDetailSchema = z.object({
  x: offset,
  y: offset,
  width: side,
  height: side,
  /** sRGB, straight alpha, row-major: width × height × 4 bytes. */
  rgba: BytesSchema,
});
export type PhotoDetail = z.infer<typeof PhotoDetailSchema>;
