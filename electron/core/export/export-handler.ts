/**
 * The `exportPhoto` handler: renders the document's edit at full resolution (the same pipeline
 * as Apply and `faceshop render`) and writes it where the person chose, atomically — a failed
 * export never leaves half a file or destroys the file it was replacing. The written file is
 * decoded back before it replaces anything, so a file FaceShop says it exported opens.
 */
import { Readable } from 'node:stream';
import path from 'node:path';
import { TRUSTING_PATHS, type PathPolicy } from '../files/path-grants';
import sharp from 'sharp';
import {
  EXPORT_FORMAT_LABELS,
  suggestedExportName,
  withExportExtension,
  type ExportFormat,
  type ExportPhotoRequest,
  type ExportedPhoto,
} from '../../../shared/export/export-api';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { replaceFileAtomically, ReplaceFileError } from '../project/atomic-replace';
import type { EditorSynthesis } from '../synthesis/editor-synthesis';
import type { PhotoStore } from '../photos/photo-store';

/** Asks where to export; resolves to an absolute path, or null if the person cancels. */
export type ExportPathChooser = (
  suggestedName: string,
  format: ExportFormat,
) => Promise<string | null>;

/** The largest side each format can hold. */
const MAX_SIDE: Readonly<Record<ExportFormat, number>> = {
  png: 2 ** 31 - 1,
  jpeg: 65_535,
  tiff: 2 ** 31 - 1,
  webp: 16_383,
};

export interface ExportDependencies {
  readonly photos: PhotoStore;
  readonly synthesis: EditorSynthesis;
  /** Null where the platform has no native save dialog (the browser host). */
  readonly chooseExportPath: ExportPathChooser | null;
  /** Which paths the page may name (files/path-grants.ts); by default any. */
  readonly paths?: PathPolicy;
}

export async function exportPhoto(
  request: ExportPhotoRequest,
  deps: ExportDependencies,
): Promise<Result<ExportedPhoto | null>> {
  const { document, format } = request;
  const asset = deps.photos.get(document.photo.assetId);
  if (!asset)
    return fail('photo-not-found', 'The photo of this document is no longer open; open it again.');
  const { width, height } = asset.info;
  if (Math.max(width, height) > MAX_SIDE[format]) {
    return fail(
      'export-failed',
      `${EXPORT_FORMAT_LABELS[format]} cannot hold a picture of ${width}×${height} (at most ${MAX_SIDE[format].toLocaleString('en-US')} pixels a side); export as PNG or TIFF.`,
    );
  }

  let target = request.path ?? null;
  const paths = deps.paths ?? TRUSTING_PATHS;
  if (target !== null) {
    const refusal = paths.refusal(withExportExtension(target, format), 'write');
    if (refusal !== null) return fail('invalid-request', refusal);
  }
  if (target === null) {
    if (deps.chooseExportPath === null)
      return fail('unsupported', 'This window has no save dialog: type the full path of the file.');
    target = await deps.chooseExportPath(
      request.suggestedName ?? suggestedExportName(asset.info.fileName, format),
      format,
    );
    if (target === null) return ok(null);
    paths.grant(withExportExtension(target, format), 'write');
  }
  if (!path.isAbsolute(target))
    return fail('invalid-request', `The export path must be absolute: ${target}`);
  target = withExportExtension(target, format);

  const rendered = await deps.synthesis.exportDocument(
    document,
    request.quality === undefined ? { format } : { format, quality: request.quality },
  );
  if (!rendered.ok) return rendered;
  const { bytes, edited } = rendered.value;
  try {
    await replaceFileAtomically(target, {
      what: 'the exported photo',
      content: () => Readable.from([bytes]),
      async verify(written) {
        const meta = await sharp(written).metadata();
        if (meta.width !== width || meta.height !== height)
          throw new Error(`it reads back as ${meta.width}×${meta.height}`);
      },
    });
  } catch (error) {
    const message =
      error instanceof ReplaceFileError || error instanceof Error ? error.message : String(error);
    return fail('export-failed', `The photo could not be exported to ${target}: ${message}`);
  }
  return ok({
    path: target,
    fileName: path.basename(target),
    format,
    width,
    height,
    fileBytes: bytes.byteLength,
    edited,
  });
}
