/**
 * Saving a document as a `.faceshop` file: collect its photos from the PhotoStore, describe them
 * in a manifest, and replace the target atomically, verified by reading the written file back
 * with the same loader that opens projects (atomic-replace.ts).
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { FaceDocument } from '../../../shared/document/document';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { PROJECT_FORMAT_ID, PROJECT_SCHEMA_VERSION } from '../../../shared/project/project-format';
import { PROJECT_LIMITS } from '../../../shared/project/project-limits';
import type { ProjectManifest } from '../../../shared/project/project-manifest';
import type { ProjectSession } from '../../../shared/project/project-session';
import type { ProjectWarning } from '../../../shared/project/project-warning';
import type { PhotoStore } from '../photos/photo-store';
import { replaceFileAtomically, ReplaceFileError, type ReplaceFileSystem } from './atomic-replace';
import { collectProjectAssets } from './project-assets';
import { renderProjectPreview, type ProjectPreview } from './project-preview';
import { readProjectFile, readProjectManifest } from './read-project-file';
import { projectArchiveStream } from './write-project-file';

export interface ModelIdentity {
  readonly name: string;
  readonly version: string;
}

export interface SaveProjectOptions {
  readonly photos: PhotoStore;
  readonly appVersion: string;
  /** The synthesis model installed now, recorded in the manifest. */
  readonly model: ModelIdentity | null;
  /** Autosaves skip the thumbnail: they run every minute and nobody browses them. */
  readonly withPreview: boolean;
  /** The view, brushes, colours and undo history to keep beside the document. */
  readonly session?: ProjectSession | null;
  /** For messages: "the project", "the autosave". */
  readonly what?: string;
  readonly now?: () => Date;
  readonly fs?: ReplaceFileSystem;
}

export interface SavedProjectFile {
  readonly savedAt: string;
  readonly warnings: readonly ProjectWarning[];
}

export async function saveProjectFile(
  document: FaceDocument,
  target: string,
  options: SaveProjectOptions,
): Promise<Result<SavedProjectFile>> {
  if (!path.isAbsolute(target)) {
    return fail('invalid-request', `The project path must be absolute: ${target}`);
  }
  // A session the reader would refuse for its size would fail the check below and with it the
  // save: the oldest undo steps go first until it fits (the document itself is never cut).
  const session = fittedSession(options.session ?? null);
  const source = session?.pasteSource;
  const collected = collectProjectAssets(document, options.photos, source ? [source.assetId] : []);
  if (!collected.ok) return collected;
  const { assets, originalAssetId, warnings } = collected.value;
  // A region whose source photo is gone would be dropped by the loader anyway; leaving it out
  // now (with the warning collected above) keeps the file consistent with what opens.
  const held = new Set(assets.map((asset) => asset.record.id));
  const saved: FaceDocument = {
    ...document,
    layers: document.layers.filter(
      (layer) => layer.kind !== 'pasted-region' || held.has(layer.sourceAssetId),
    ),
  };

  let preview: ProjectPreview | null = null;
  if (options.withPreview) {
    const photo = assets.find((asset) => asset.record.id === document.photo.assetId);
    // A thumbnail is a nicety: a photo sharp cannot shrink is still saved, without one.
    preview = photo ? await renderProjectPreview(photo.bytes).catch(() => null) : null;
  }
  const savedAt = (options.now ?? (() => new Date()))().toISOString();
  // A project saved again keeps the day it was created.
  const previous = await readProjectManifest({ kind: 'file', path: target }).catch(() => null);
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT_ID,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    createdAt: previous?.createdAt ?? savedAt,
    modifiedAt: savedAt,
    app: { name: 'FaceShop', version: options.appVersion },
    model: options.model,
    document: { schemaVersion: saved.schemaVersion },
    originalAssetId,
    assets: assets.map((asset) => asset.record),
    preview: preview === null ? null : { width: preview.width, height: preview.height },
  };
  try {
    await replaceFileAtomically(target, {
      what: options.what ?? 'the project',
      fs: options.fs,
      content: () =>
        projectArchiveStream({
          manifest,
          document: saved,
          assets,
          preview: preview?.bytes ?? null,
          session,
        }),
      verify: async (written) => {
        const back = await readProjectFile({ kind: 'file', path: written }, path.basename(target), {
          withPreview: true,
        });
        if (!isDeepStrictEqual(back.document, saved)) throw new Error('the document differs');
        if (!isDeepStrictEqual(back.session, asJson(session)))
          throw new Error('the editing session differs');
        if (back.warnings.length > 0) throw new Error(back.warnings[0]?.message);
        if (back.assets.size !== assets.length) throw new Error('a photo is missing');
        if ((back.preview === null) !== (preview === null))
          throw new Error('the preview is missing');
      },
    });
  } catch (error) {
    if (error instanceof ReplaceFileError) return fail('project-save-failed', error.message);
    throw error;
  }
  return ok({ savedAt, warnings });
}

/** What a value reads back as from the file: JSON drops undefined members. */
function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The session within the reader's size limit: the oldest undo steps dropped until it fits. */
export function fittedSession(
  session: ProjectSession | null,
  limit: number = PROJECT_LIMITS.maxSessionBytes,
): ProjectSession | null {
  if (session === null) return null;
  const size = (value: ProjectSession) => Buffer.byteLength(JSON.stringify(value, null, 1)) + 1;
  let fitted = session;
  while (size(fitted) > limit && fitted.history.steps.length > 0) {
    const { steps, position } = fitted.history;
    const drop = Math.max(1, Math.ceil(steps.length / 4));
    // The oldest applied steps first; once none is left, the last redo steps (redo steps only
    // make sense after the ones before them).
    const history =
      position > 0
        ? {
            steps: steps.slice(Math.min(drop, position)),
            position: position - Math.min(drop, position),
          }
        : { steps: steps.slice(0, Math.max(0, steps.length - drop)), position: 0 };
    fitted = { ...fitted, history };
  }
  return size(fitted) > limit ? null : fitted;
}
