/**
 * Writes a project as a `.faceshop` archive (layout in shared/project/project-format.ts) to a
 * stream. yazl streams the archive as it is produced, so a large photo goes from memory to the
 * disk without a second copy of the whole file being built first.
 *
 * Photos and the preview are stored, not deflated: they are already compressed (JPEG, PNG,
 * WebP...), deflating them again gains nothing and costs seconds on a large photo, and storing
 * them keeps the original's bytes untouched and readable by any zip tool. The manifest and the
 * document are JSON and deflate well.
 */
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import yazl from 'yazl';
import type { FaceDocument } from '../../../shared/document/document';
import {
  DOCUMENT_ENTRY,
  MANIFEST_ENTRY,
  PREVIEW_ENTRY,
  SESSION_ENTRY,
  assetEntryName,
} from '../../../shared/project/project-format';
import type { ProjectManifest } from '../../../shared/project/project-manifest';
import type { ProjectSession } from '../../../shared/project/project-session';
import type { ProjectAsset } from './read-project-file';

export interface ProjectToWrite {
  readonly manifest: ProjectManifest;
  readonly document: FaceDocument;
  readonly assets: readonly ProjectAsset[];
  /** A JPEG thumbnail, or null. */
  readonly preview: Uint8Array | null;
  /** The editing session (view, brushes, undo history), or null. */
  readonly session?: ProjectSession | null;
}

/** Regular file, rw-r--r--: what unzip gives the entries when someone unpacks the project. */
const FILE_MODE = 0o100644;

export function projectArchiveStream(project: ProjectToWrite): NodeJS.ReadableStream {
  const zip = new yazl.ZipFile();
  const mtime = new Date(project.manifest.modifiedAt);
  const add = (bytes: Uint8Array, name: string, compress: boolean) =>
    zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, {
      mtime,
      mode: FILE_MODE,
      compress,
    });
  // The manifest first: tools listing the archive, and people, see what it is at once.
  add(json(project.manifest), MANIFEST_ENTRY, true);
  add(json(project.document), DOCUMENT_ENTRY, true);
  if (project.session) add(json(project.session), SESSION_ENTRY, true);
  if (project.preview !== null) add(project.preview, PREVIEW_ENTRY, false);
  for (const asset of project.assets) {
    add(asset.bytes, assetEntryName(asset.record.id, asset.record.format), false);
  }
  zip.end();
  return zip.outputStream;
}

export async function writeProjectArchive(project: ProjectToWrite, out: Writable): Promise<void> {
  await pipeline(projectArchiveStream(project), out);
}

function json(value: unknown): Uint8Array {
  // Indented: a person who unzips a project to look inside (or diffs two) can read it.
  return new TextEncoder().encode(`${JSON.stringify(value, null, 1)}\n`);
}
