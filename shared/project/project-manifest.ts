/**
 * The manifest (`manifest.json`): what the archive holds and who made it. It is read before
 * anything else, so a file from a newer FaceShop is refused by its version before its
 * document is even parsed, and every asset's size and sha256 are known before it is unpacked.
 */
import { z } from 'zod';
import { PhotoFormatSchema } from '../photo/photo';
import { ArchiveAssetIdSchema, PROJECT_FORMAT_ID, PROJECT_SCHEMA_VERSION } from './project-format';
import { PROJECT_LIMITS } from './project-limits';

/**
 * - `original`: the photo as the person opened it, bytes untouched.
 * - `applied-result`: the original with a synthesis result baked in ("apply"); the document's
 *   photo may be one of these.
 * - `paste-source`: the photo a pasted region was copied from.
 */
export const AssetRoleSchema = z.enum(['original', 'applied-result', 'paste-source']);
export type AssetRole = z.infer<typeof AssetRoleSchema>;

export const AssetRecordSchema = z.object({
  id: ArchiveAssetIdSchema,
  role: AssetRoleSchema,
  format: PhotoFormatSchema,
  byteLength: z.number().int().nonnegative().max(PROJECT_LIMITS.maxAssetBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** For an applied result: the asset it was made from. */
  derivedFrom: ArchiveAssetIdSchema.optional(),
  /** The file name the photo was opened from, for display only; never used as a path. */
  fileName: z.string().min(1).max(255).optional(),
});
export type AssetRecord = z.infer<typeof AssetRecordSchema>;

const isoTime = z.iso.datetime({ offset: true });

export const ProjectManifestSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT_ID),
    schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
    createdAt: isoTime,
    modifiedAt: isoTime,
    app: z.object({ name: z.literal('FaceShop'), version: z.string().min(1).max(100) }),
    /** The synthesis model installed when the project was saved; null when there was none. */
    model: z
      .object({ name: z.string().min(1).max(200), version: z.string().min(1).max(100) })
      .nullable(),
    document: z.object({ schemaVersion: z.number().int().nonnegative() }),
    /** The photo as first opened; the document's photo is this or an applied result of it. */
    originalAssetId: ArchiveAssetIdSchema,
    assets: z.array(AssetRecordSchema).min(1).max(PROJECT_LIMITS.maxAssets),
    preview: z
      .object({ width: z.number().int().positive(), height: z.number().int().positive() })
      .nullable(),
  })
  .superRefine((manifest, context) => {
    const ids = new Set<string>();
    for (const asset of manifest.assets) {
      if (ids.has(asset.id)) {
        context.addIssue({ code: 'custom', message: `asset "${asset.id}" is listed twice` });
      }
      ids.add(asset.id);
    }
    const original = manifest.assets.find((asset) => asset.id === manifest.originalAssetId);
    if (original?.role !== 'original') {
      context.addIssue({
        code: 'custom',
        message: `the original photo "${manifest.originalAssetId}" is not listed as an original asset`,
      });
    }
    for (const asset of manifest.assets) {
      if (asset.derivedFrom !== undefined && !ids.has(asset.derivedFrom)) {
        context.addIssue({
          code: 'custom',
          message: `asset "${asset.id}" was made from "${asset.derivedFrom}", which is not in the project`,
        });
      }
    }
  });
export type ProjectManifest = z.infer<typeof ProjectManifestSchema>;
