/**
 * The `.faceshop` project file: one zip archive with fixed entry names.
 *
 * ```
 * manifest.json            what the archive holds: format id, versions, times, assets (with sha256)
 * document.json            the FaceDocument (strokes, layers, work area, iris marks, pasted regions)
 * assets/<asset id>.<ext>  photo bytes exactly as read: the original, applied results, paste sources
 * preview.jpg              optional: a JPEG thumbnail (long side PROJECT_PREVIEW_LONG_SIDE)
 * session.json             optional: view, brushes, colours and undo history (project-session.ts)
 * ```
 *
 * Every name is fixed or derived from an asset id that `ArchiveAssetIdSchema` restricts to
 * letters, digits, `.`, `_` and `-` (starting with a letter or digit), so no name can climb out
 * of the archive or be invalid on any file system once unpacked. The loader recomputes each
 * asset's name from the manifest instead of trusting a path written in the file.
 */
import { z } from 'zod';
import type { PhotoFormat } from '../photo/photo';

/** Identifies the archive as ours, whatever its file name says. */
export const PROJECT_FORMAT_ID = 'faceshop-project';

/**
 * The version of the archive's layout and manifest. Bump it with every change of either, add a
 * numbered step to MANIFEST_MIGRATIONS and commit a fixture of the old format under
 * tests/fixtures/project/ (STYLE.md 10). The document inside has its own schema version.
 */
export const PROJECT_SCHEMA_VERSION = 1;

export const PROJECT_FILE_EXTENSION = '.faceshop';

export const MANIFEST_ENTRY = 'manifest.json';
export const DOCUMENT_ENTRY = 'document.json';
export const PREVIEW_ENTRY = 'preview.jpg';
/**
 * Added without a version bump: nothing an older reader needs changed, and an older FaceShop
 * ignores the entry (with its "unknown entry" note) instead of refusing the whole file.
 */
export const SESSION_ENTRY = 'session.json';
export const ASSETS_FOLDER = 'assets/';

/** The preview thumbnail's long side: enough for an "open recent" list or a recovery prompt. */
export const PROJECT_PREVIEW_LONG_SIDE = 512;

/** Asset ids the archive can name files after: a document's AssetId without the colon. */
export const ArchiveAssetIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'not an asset id the project file can store');

const EXTENSIONS: Readonly<Record<PhotoFormat, string>> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  tiff: 'tif',
  avif: 'avif',
  heif: 'heic',
  gif: 'gif',
};

/** Where an asset's bytes live in the archive. */
export function assetEntryName(assetId: string, format: PhotoFormat): string {
  return `${ASSETS_FOLDER}${assetId}.${EXTENSIONS[format]}`;
}
