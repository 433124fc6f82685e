/**
 * Opening a `.faceshop` file for the editor: read and validate it (read-project-file.ts), decode
 * every photo as a photo opened on its own would be, and only when all of that succeeded put
 * the photos into the PhotoStore. A refused file therefore changes nothing: not the disk, not
 * the photos the open document uses.
 *
 * Photos go back under the ids the document uses, so the document comes back exactly as saved.
 * An id that is not a photo id of this app, or that the store already holds with other bytes
 * (a hand-edited file), is replaced by a fresh one throughout the document.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FaceDocument } from '../../../shared/document/document';
import type { Layer } from '../../../shared/document/layer';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { PhotoIdSchema, type OpenedPhoto, type PhotoInfo } from '../../../shared/photo/photo';
import type { OpenProjectRequest, OpenedProject } from '../../../shared/project/project-api';
import { assetEntryName } from '../../../shared/project/project-format';
import { PROJECT_LIMITS, formatMiB } from '../../../shared/project/project-limits';
import type { ProjectWarning } from '../../../shared/project/project-warning';
import { renameSessionAssets } from '../../../shared/project/project-session';
import { repairDocument } from '../../../shared/project/repair-document';
import { decodePhoto } from '../imaging/decode-photo';
import type { PhotoAsset, PhotoStore } from '../photos/photo-store';
import { ProjectFileError } from './project-file-error';
import { readProjectFile, type ProjectAsset, type ProjectContents } from './read-project-file';
import type { ArchiveSource } from './zip-archive';

export async function openProject(
  request: OpenProjectRequest,
  store: PhotoStore,
  origin: OpenedProject['origin'] = request.source === 'path' ? 'file' : 'bytes',
): Promise<Result<OpenedProject>> {
  const fileName = request.source === 'path' ? path.basename(request.path) : request.fileName;
  try {
    const source = await sourceOf(request);
    const contents = await readProjectFile(source, fileName);
    const opened = await decodeAndRegister(contents, store, fileName);
    return ok({
      path: request.source === 'path' ? request.path : null,
      fileName,
      origin,
      document: opened.document,
      photos: opened.photos,
      createdAt: contents.manifest.createdAt,
      modifiedAt: contents.manifest.modifiedAt,
      savedBy: { appVersion: contents.manifest.app.version, model: contents.manifest.model },
      warnings: [...contents.warnings, ...opened.warnings],
      session: contents.session && renameSessionAssets(contents.session, opened.ids),
    });
  } catch (error) {
    if (error instanceof ProjectFileError) return fail(error.code, error.message);
    throw error;
  }
}

async function sourceOf(request: OpenProjectRequest): Promise<ArchiveSource> {
  if (request.source === 'bytes') return { kind: 'bytes', bytes: request.bytes };
  const file = request.path;
  const name = path.basename(file);
  // A relative path would be resolved against whatever folder the app happened to start in.
  if (!path.isAbsolute(file)) {
    throw new ProjectFileError('not-found', `The project path must be absolute: ${file}`);
  }
  let size: number;
  try {
    const stats = await stat(file);
    if (!stats.isFile()) throw new ProjectFileError('unreadable-file', `“${name}” is not a file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof ProjectFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ProjectFileError('not-found', `There is no project at ${file}.`);
    }
    throw new ProjectFileError(
      'unreadable-file',
      `“${name}” could not be read (${code ?? 'unknown error'}).`,
    );
  }
  if (size > PROJECT_LIMITS.maxFileBytes) {
    throw new ProjectFileError(
      'file-too-large',
      `“${name}” is ${formatMiB(size)}; FaceShop opens projects up to ${formatMiB(PROJECT_LIMITS.maxFileBytes)}.`,
    );
  }
  return { kind: 'file', path: file };
}

interface Decoded {
  readonly asset: ProjectAsset;
  readonly info: PhotoInfo;
  readonly preview: OpenedPhoto['preview'];
}

async function decodeAndRegister(
  contents: ProjectContents,
  store: PhotoStore,
  label: string,
): Promise<{
  document: FaceDocument;
  photos: OpenedPhoto[];
  warnings: ProjectWarning[];
  ids: ReadonlyMap<string, string>;
}> {
  const refuse = (why: string) =>
    new ProjectFileError('invalid-photo', `“${label}” cannot be opened: ${why}.`);
  const { document, manifest } = contents;
  const required = new Set([manifest.originalAssetId, document.photo.assetId]);
  for (
    let id = contents.assets.get(document.photo.assetId)?.record.derivedFrom;
    id !== undefined;
  ) {
    if (required.has(id)) break;
    required.add(id);
    id = contents.assets.get(id)?.record.derivedFrom;
  }
  const warnings: ProjectWarning[] = [];
  const decoded: Decoded[] = [];
  for (const asset of contents.assets.values()) {
    const { record } = asset;
    const name = record.fileName ?? assetEntryName(record.id, record.format);
    const result = await decodePhoto(asset.bytes, name);
    if (result.ok && result.value.info.format === record.format) {
      decoded.push({ asset, ...result.value });
      continue;
    }
    const why = result.ok ? `is not the ${record.format} it claims to be` : 'cannot be decoded';
    if (required.has(record.id)) throw refuse(`its photo “${name}” ${why}`);
    warnings.push({
      code: 'asset-dropped',
      message: `The photo “${name}” ${why} and was left out.`,
    });
  }

  const photo = decoded.find((entry) => entry.asset.record.id === document.photo.assetId);
  if (photo === undefined) throw refuse('its photo is missing');
  if (photo.info.width !== document.photo.width || photo.info.height !== document.photo.height) {
    throw refuse(
      `its photo is ${photo.info.width} × ${photo.info.height} pixels but the document expects ${document.photo.width} × ${document.photo.height}`,
    );
  }
  if (decoded.length > store.capacity) {
    throw new ProjectFileError(
      'too-many-photos',
      `“${label}” holds ${decoded.length} photos; FaceShop keeps at most ${store.capacity} open at once.`,
    );
  }
  // Regions whose source photo could not be decoded go the way of missing ones.
  const repaired = repairDocument(document as unknown as Record<string, unknown>, {
    availableAssetIds: new Set(decoded.map((entry) => entry.asset.record.id)),
  });
  if (!repaired.ok) throw refuse(repaired.error);
  warnings.push(...repaired.warnings);

  // Everything is checked: from here on nothing can fail, so registering is all or nothing.
  const ids = new Map<string, string>();
  for (const entry of decoded) ids.set(entry.asset.record.id, idFor(entry.asset, store));
  const photos: OpenedPhoto[] = [];
  // The document's photo first: the editor shows it; then the rest in manifest order.
  const ordered = [photo, ...decoded.filter((entry) => entry !== photo)];
  for (const entry of ordered) {
    const id = ids.get(entry.asset.record.id) as string;
    const derivedFrom = entry.asset.record.derivedFrom;
    const mappedFrom = derivedFrom === undefined ? undefined : ids.get(derivedFrom);
    const origin = ids.get(chainRootOf(entry.asset.record.id, contents));
    const asset: PhotoAsset = {
      id,
      info: entry.info,
      source: entry.asset.bytes,
      ...(mappedFrom === undefined ? {} : { derivedFrom: mappedFrom }),
      // The store keeps the original of a chain while it releases the versions in between.
      ...(mappedFrom === undefined || origin === undefined ? {} : { origin }),
    };
    store.restore(asset);
    photos.push({ photoId: id, info: entry.info, preview: entry.preview });
  }
  return { document: withAssetIds(repaired.document, ids), photos, warnings, ids };
}

/** The first photo of a record's derivedFrom chain inside the project (the record if none). */
function chainRootOf(recordId: string, contents: ProjectContents): string {
  const seen = new Set<string>();
  let id = recordId;
  for (;;) {
    seen.add(id);
    const from = contents.assets.get(id)?.record.derivedFrom;
    if (from === undefined || seen.has(from) || !contents.assets.has(from)) return id;
    id = from;
  }
}

/** The id a project's photo gets in the store: its own when that is safe, a fresh one if not. */
function idFor(asset: ProjectAsset, store: PhotoStore): string {
  const id = asset.record.id;
  if (!PhotoIdSchema.safeParse(id).success) return `photo-${randomUUID()}`;
  const held = store.get(id);
  if (held === undefined || Buffer.from(held.source).equals(asset.bytes)) return id;
  return `photo-${randomUUID()}`;
}

function withAssetIds(document: FaceDocument, ids: ReadonlyMap<string, string>): FaceDocument {
  const mapped = (id: string) => ids.get(id) ?? id;
  if ([...ids].every(([from, to]) => from === to)) return document;
  return {
    ...document,
    photo: { ...document.photo, assetId: mapped(document.photo.assetId) },
    layers: document.layers.map((layer): Layer =>
      layer.kind === 'pasted-region'
        ? { ...layer, sourceAssetId: mapped(layer.sourceAssetId) }
        : layer,
    ),
  };
}
