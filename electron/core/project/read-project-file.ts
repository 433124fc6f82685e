/**
 * Reads a `.faceshop` file into validated parts, trusting nothing (issue 8). The order is the
 * point: the archive's table of contents is judged first (zip-archive.ts), then the manifest —
 * the format id, then the version (a newer file is refused before its document is parsed),
 * then its schema — then the document is migrated, the photos are unpacked and checked against
 * the sizes and sha256 the manifest lists, and only then is the document repaired against the
 * photos actually present and validated. Nothing here touches the disk except to read.
 */
import { APP_VERSION } from '../app-version';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { FaceDocument } from '../../../shared/document/document';
import {
  DOCUMENT_MIGRATIONS,
  MANIFEST_MIGRATIONS,
  migrate,
  type Migration,
} from '../../../shared/project/migrations';
import {
  ASSETS_FOLDER,
  DOCUMENT_ENTRY,
  MANIFEST_ENTRY,
  PREVIEW_ENTRY,
  PROJECT_FORMAT_ID,
  SESSION_ENTRY,
  assetEntryName,
} from '../../../shared/project/project-format';
import { PROJECT_LIMITS } from '../../../shared/project/project-limits';
import {
  ProjectManifestSchema,
  type AssetRecord,
  type ProjectManifest,
} from '../../../shared/project/project-manifest';
import { ProjectSessionSchema, type ProjectSession } from '../../../shared/project/project-session';
import type { ProjectWarning } from '../../../shared/project/project-warning';
import { repairDocument } from '../../../shared/project/repair-document';
import { ProjectFileError } from './project-file-error';
import { ZipArchive, type ArchiveSource } from './zip-archive';

export interface ProjectAsset {
  readonly record: AssetRecord;
  readonly bytes: Uint8Array;
}

export interface ProjectContents {
  readonly manifest: ProjectManifest;
  readonly document: FaceDocument;
  /** By asset id: every photo that was present and intact. */
  readonly assets: ReadonlyMap<string, ProjectAsset>;
  /** Only when asked for (`withPreview`) and present. */
  readonly preview: Uint8Array | null;
  /** The editing session, when the file has one that parses. */
  readonly session: ProjectSession | null;
  readonly warnings: readonly ProjectWarning[];
}

export interface ReadProjectOptions {
  /** Unpack the thumbnail too (saving verifies it; opening does not need it). */
  readonly withPreview?: boolean;
}

const ASSET_ENTRY_PATTERN =
  /^assets\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.(jpg|png|webp|tif|avif|heic|gif)$/;

function entryLimit(name: string): number | null {
  if (name === MANIFEST_ENTRY) return PROJECT_LIMITS.maxManifestBytes;
  if (name === DOCUMENT_ENTRY) return PROJECT_LIMITS.maxDocumentBytes;
  if (name === PREVIEW_ENTRY) return PROJECT_LIMITS.maxPreviewBytes;
  if (name === SESSION_ENTRY) return PROJECT_LIMITS.maxSessionBytes;
  if (name.startsWith(ASSETS_FOLDER) && ASSET_ENTRY_PATTERN.test(name)) {
    return PROJECT_LIMITS.maxAssetBytes;
  }
  return null;
}

export async function readProjectFile(
  source: ArchiveSource,
  label: string,
  options: ReadProjectOptions = {},
): Promise<ProjectContents> {
  const archive = await ZipArchive.open(source, label, entryLimit);
  try {
    return await readContents(archive, label, options);
  } finally {
    archive.close();
  }
}

/** Only the manifest (e.g. to keep a project's creation time when it is saved again). */
export async function readProjectManifest(source: ArchiveSource): Promise<ProjectManifest> {
  const label = source.kind === 'file' ? path.basename(source.path) : 'the project';
  const archive = await ZipArchive.open(source, label, entryLimit);
  try {
    return await readManifest(archive, label, []);
  } finally {
    archive.close();
  }
}

async function readContents(
  archive: ZipArchive,
  label: string,
  options: ReadProjectOptions,
): Promise<ProjectContents> {
  const warnings: ProjectWarning[] = [];
  const refuse = (reason: ConstructorParameters<typeof ProjectFileError>[0], why: string) =>
    new ProjectFileError(reason, `“${label}” cannot be opened: ${why}.`);

  if (!archive.has(MANIFEST_ENTRY)) {
    throw new ProjectFileError(
      'not-a-project',
      `“${label}” is a zip archive but not a FaceShop project: it has no ${MANIFEST_ENTRY}.`,
    );
  }
  const manifest = await readManifest(archive, label, warnings);
  if (!archive.has(DOCUMENT_ENTRY)) throw refuse('missing-entry', `it has no ${DOCUMENT_ENTRY}`);

  const rawDocument = parseJson(await archive.read(DOCUMENT_ENTRY));
  if (rawDocument === undefined)
    throw refuse('invalid-document', 'its document is not valid JSON (the file is damaged)');
  const migrated = migrate(rawDocument, DOCUMENT_MIGRATIONS);
  if (!migrated.ok) {
    if (migrated.reason === 'too-new') throw tooNew(label, manifest.app.version);
    throw refuse(migrated.reason === 'too-old' ? 'too-old' : 'invalid-document', migrated.error);
  }
  noteMigrations(migrated.applied, warnings);
  const assetId = fieldOf(migrated.value['photo'], 'assetId');
  const photoAssetId = typeof assetId === 'string' ? assetId : null;
  if (photoAssetId === null) throw refuse('invalid-document', 'its document names no photo');

  const assets = await readAssets(archive, manifest, photoAssetId, label, warnings);
  const repaired = repairDocument(migrated.value, { availableAssetIds: new Set(assets.keys()) });
  if (!repaired.ok) throw refuse('invalid-document', repaired.error);
  warnings.push(...repaired.warnings);

  let preview: Uint8Array | null = null;
  if (options.withPreview === true && manifest.preview !== null) {
    try {
      preview = await archive.read(PREVIEW_ENTRY);
    } catch {
      warnings.push({
        code: 'preview-dropped',
        message: 'The preview thumbnail is damaged; it will be rewritten on the next save.',
      });
    }
  }
  if (archive.ignored.length > 0) {
    warnings.push({
      code: 'entries-ignored',
      message: `${archive.ignored.length} unknown ${archive.ignored.length === 1 ? 'entry was' : 'entries were'} ignored.`,
    });
  }
  const session = await readSession(archive, warnings);
  return { manifest, document: repaired.document, assets, preview, session, warnings };
}

/** The session is a convenience: a damaged one is left out with a note, never a refusal. */
async function readSession(
  archive: ZipArchive,
  warnings: ProjectWarning[],
): Promise<ProjectSession | null> {
  if (!archive.has(SESSION_ENTRY)) return null;
  const dropped = () => {
    warnings.push({
      code: 'session-dropped',
      message:
        'The saved view, brushes and undo history could not be read; the document opens without them.',
    });
    return null;
  };
  let raw: unknown;
  try {
    raw = parseJson(await archive.read(SESSION_ENTRY));
  } catch {
    return dropped();
  }
  const parsed = ProjectSessionSchema.safeParse(raw);
  return parsed.success ? parsed.data : dropped();
}

async function readManifest(
  archive: ZipArchive,
  label: string,
  warnings: ProjectWarning[],
): Promise<ProjectManifest> {
  const raw = parseJson(await archive.read(MANIFEST_ENTRY));
  if (raw === undefined) {
    throw new ProjectFileError(
      'invalid-manifest',
      `“${label}” cannot be opened: its manifest is not valid JSON.`,
    );
  }
  const format = fieldOf(raw, 'format');
  if (format !== PROJECT_FORMAT_ID) {
    throw new ProjectFileError(
      'not-a-project',
      `“${label}” is a zip archive but not a FaceShop project (its manifest is not FaceShop's).`,
    );
  }
  const migrated = migrate(raw, MANIFEST_MIGRATIONS);
  if (!migrated.ok) {
    if (migrated.reason === 'too-new') {
      const version = fieldOf(fieldOf(raw, 'app'), 'version');
      throw tooNew(label, typeof version === 'string' ? version : null);
    }
    throw new ProjectFileError(
      migrated.reason === 'too-old' ? 'too-old' : 'invalid-manifest',
      `“${label}” cannot be opened: ${migrated.error}.`,
    );
  }
  noteMigrations(migrated.applied, warnings);
  const parsed = ProjectManifestSchema.safeParse(migrated.value);
  if (!parsed.success) {
    throw new ProjectFileError(
      'invalid-manifest',
      `“${label}” cannot be opened: its manifest is invalid: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/**
 * Unpacks the photos. Those the document cannot do without — its photo, the chain it was made
 * from, the original — must be present and intact; a missing or damaged paste source is left
 * out with a warning (repair then drops the regions that used it).
 */
async function readAssets(
  archive: ZipArchive,
  manifest: ProjectManifest,
  photoAssetId: string,
  label: string,
  warnings: ProjectWarning[],
): Promise<Map<string, ProjectAsset>> {
  const byId = new Map(manifest.assets.map((record) => [record.id, record]));
  if (!byId.has(photoAssetId)) {
    throw new ProjectFileError(
      'missing-entry',
      `“${label}” cannot be opened: the photo its document edits is not in the project.`,
    );
  }
  const required = new Set([manifest.originalAssetId]);
  for (let id: string | undefined = photoAssetId; id !== undefined && !required.has(id);) {
    required.add(id);
    id = byId.get(id)?.derivedFrom;
  }
  const assets = new Map<string, ProjectAsset>();
  for (const record of manifest.assets) {
    const name = assetEntryName(record.id, record.format);
    const problem = await readAsset(archive, record, name);
    if (typeof problem !== 'string') {
      assets.set(record.id, { record, bytes: problem });
      continue;
    }
    if (required.has(record.id)) {
      throw new ProjectFileError(
        problem === 'missing' ? 'missing-entry' : 'damaged',
        `“${label}” cannot be opened: its photo ${name} is ${problem}.`,
      );
    }
    warnings.push({
      code: 'asset-dropped',
      message: `The photo ${record.fileName ?? record.id} is ${problem} in the project and was left out.`,
    });
  }
  return assets;
}

async function readAsset(
  archive: ZipArchive,
  record: AssetRecord,
  name: string,
): Promise<Uint8Array | 'missing' | 'damaged'> {
  const entry = archive.entries.get(name);
  if (entry === undefined) return 'missing';
  if (entry.uncompressedSize !== record.byteLength) return 'damaged';
  let bytes: Buffer;
  try {
    bytes = await archive.read(name);
  } catch (error) {
    if (error instanceof ProjectFileError && error.reason === 'damaged') return 'damaged';
    throw error;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return sha256 === record.sha256 ? bytes : 'damaged';
}

/** A property of parsed JSON that may be anything. */
function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function tooNew(label: string, appVersion: string | null): ProjectFileError {
  // The version the file names only helps when it is not the one running (a file can claim it).
  const named = appVersion !== null && appVersion !== APP_VERSION ? ` (${appVersion})` : '';
  return new ProjectFileError(
    'too-new',
    `“${label}” was made by a newer FaceShop${named}; update FaceShop to open it.`,
  );
}

function noteMigrations(applied: readonly Migration[], warnings: ProjectWarning[]): void {
  for (const step of applied) {
    warnings.push({
      code: 'migrated',
      message: `Converted from format version ${step.from} to ${step.to}: ${step.description}`,
    });
  }
}
