/** The photo being edited, as the document references it: an asset id and its full size. */
import { z } from 'zod';
import { AssetIdSchema, type AssetId } from './ids';

export interface PhotoRef {
  /** The decoded photo (or, after "apply", the photo with a result baked in). */
  readonly assetId: AssetId;
  /** Full-resolution pixels, after EXIF orientation. */
  readonly width: number;
  readonly height: number;
}

export const PhotoRefSchema = z.object({
  assetId: AssetIdSchema,
  width: z.number().int().positive().max(1_000_000),
  height: z.number().int().positive().max(1_000_000),
});
