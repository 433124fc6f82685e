/** The photo as the renderer knows it: an id, what the file is, and a downscaled preview. */
import { z } from 'zod';
import { WorkAreaSchema } from '../document/work-area';
import { BytesSchema } from '../ipc/bytes';
import { MAX_PHOTO_FILE_BYTES } from './photo-limits';

/** Raster formats the backend decodes. Vector and document formats (SVG, PDF) are refused. */
export const PhotoFormatSchema = z.enum(['jpeg', 'png', 'webp', 'tiff', 'avif', 'heif', 'gif']);
export type PhotoFormat = z.infer<typeof PhotoFormatSchema>;

/** Names a photo asset held by the backend at full resolution. */
export const PhotoIdSchema = z.string().regex(/^photo-[0-9a-f-]{36}$/);
export type PhotoId = z.infer<typeof PhotoIdSchema>;

const pixelCount = z.number().int().positive();

export const PhotoInfoSchema = z.object({
  fileName: z.string(),
  fileBytes: z.number().int().nonnegative(),
  format: PhotoFormatSchema,
  /** Size as displayed, i.e. after EXIF orientation has been applied. */
  width: pixelCount,
  height: pixelCount,
  /** The file's EXIF orientation tag (1–8); 1 when it has none. */
  orientation: z.number().int().min(1).max(8),
  hasAlpha: z.boolean(),
  hasIccProfile: z.boolean(),
  hasExif: z.boolean(),
});
export type PhotoInfo = z.infer<typeof PhotoInfoSchema>;

export const PhotoPreviewSchema = z.object({
  bytes: BytesSchema,
  mimeType: z.enum(['image/jpeg', 'image/png']),
  width: pixelCount,
  height: pixelCount,
});
export type PhotoPreview = z.infer<typeof PhotoPreviewSchema>;

/** A face the backend's detector found, in the photo's displayed (oriented) pixels. */
export const DetectedFaceSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  score: z.number().min(0).max(1),
});
export type DetectedFace = z.infer<typeof DetectedFaceSchema>;

export const OpenedPhotoSchema = z.object({
  photoId: PhotoIdSchema,
  info: PhotoInfoSchema,
  preview: PhotoPreviewSchema,
  /** Faces found when the photo was opened, best first; absent where detection did not run. */
  faces: z.array(DetectedFaceSchema).max(64).optional(),
  /**
   * Where the work area should start: the primary face framed like the network's training
   * faces, inside the photo. Absent when no face was found (the document's default applies).
   */
  suggestedWorkArea: WorkAreaSchema.optional(),
  /**
   * The primary face's 68 landmarks (iBUG order, the photo's displayed pixels), where the
   * landmark model ran: part presets and paste placement use them instead of the mean face.
   */
  landmarks: z
    .array(z.object({ x: z.number().finite(), y: z.number().finite() }))
    .length(68)
    .optional(),
});
export type OpenedPhoto = z.infer<typeof OpenedPhotoSchema>;

/** A file name as shown to the user; never used as a path. */
const displayFileName = z.string().min(1).max(255);

export const OpenPhotoRequestSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('path'),
    path: z.string().min(1).max(4096),
  }),
  z.object({
    source: z.literal('bytes'),
    fileName: displayFileName,
    bytes: BytesSchema.refine(
      (bytes) => bytes.byteLength <= MAX_PHOTO_FILE_BYTES,
      'file too large',
    ),
  }),
]);
export type OpenPhotoRequest = z.infer<typeof OpenPhotoRequestSchema>;
