/**
 * The backend's handlers: one object, typed by the contract, served unchanged by Electron's
 * main process and by the browser test host. What differs between the two is passed in
 * (where the models are, whether a native file dialog exists), never re-implemented.
 */
import type { BackendHandlers } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/ipc/result';
import path from 'node:path';
import { DEFAULT_MODEL_MANIFEST } from './models/models-dir';
import { createPasteHandlers } from './paste/paste-handlers';
import {
  GrantedPaths,
  TRUSTING_PATHS,
  type PathAccess,
  type PathPolicy,
} from './files/path-grants';
import { withProjectExtension } from './project/project-paths';
import { photoDetail } from './photos/photo-detail';
import { exportPhoto, type ExportPathChooser } from './export/export-handler';
import { FaceLocator } from './faces/face-locator';
import { openPhoto } from './photos/open-photo';
import type { PhotoStore } from './photos/photo-store';
import {
  createProjectHandlers,
  type ProjectFileChooser,
  type ProjectSavePathChooser,
} from './project/project-handlers';
import type { RecoveryStore } from './project/recovery-store';
import { readModelStatus } from './status/model-status';
import { EditorSynthesis } from './synthesis/editor-synthesis';
import { createSettingsHandlers } from './settings/settings-handlers';
import type { SettingsStore } from './settings/settings-store';
import type { OpenFileRequest } from '../../shared/settings/settings';

/** Asks the person for a photo file; resolves to its absolute path, or null if they cancel. */
export type PhotoFileChooser = () => Promise<string | null>;

export type { ProjectFileChooser, ProjectSavePathChooser };

export interface BackendDependencies {
  readonly appVersion: string;
  readonly modelsDir: string;
  readonly photos: PhotoStore;
  /** Null where the platform has no native dialog (the browser host). */
  readonly choosePhotoFile: PhotoFileChooser | null;
  readonly chooseProjectFile: ProjectFileChooser | null;
  readonly chooseProjectSavePath: ProjectSavePathChooser | null;
  /** Autosave and crash recovery in the app's data folder; null where there is none. */
  readonly recovery: RecoveryStore | null;
  /**
   * Owns the model session. Main passes one that runs inference in a worker thread and
   * disposes it at quit; by default the session runs on the calling thread.
   */
  readonly synthesis?: EditorSynthesis;
  /** Preferences and recent files in the app's data folder; null where none are kept. */
  readonly settings?: SettingsStore | null;
  /** The first-run screen's sample photo (electron/core/models/resource-paths.ts). */
  readonly samplePhoto?: string | null;
  /** Files the operating system asked to open before the page listened (Electron only). */
  readonly openFileRequests?: { take(): OpenFileRequest[] } | null;
  /** Finds faces in opened photos to place the work area; by default from `modelsDir`. */
  readonly faces?: FaceLocator;
  /** The native save dialog for exports; null (or absent) where there is none. */
  readonly chooseExportPath?: ExportPathChooser | null;
  /**
   * Which paths the page may name. Default: where FaceShop has its own dialogs (the app) only
   * the files the person chose (`GrantedPaths`); without them (the browser host, where the person
   * types paths into the page) every path (`TRUSTING_PATHS`).
   */
  readonly paths?: PathPolicy;
}

export function createBackendHandlers(deps: BackendDependencies): BackendHandlers {
  const synthesis =
    deps.synthesis ??
    new EditorSynthesis({
      manifestPath: path.join(deps.modelsDir, DEFAULT_MODEL_MANIFEST),
      photos: deps.photos,
    });
  const faces = deps.faces ?? new FaceLocator(deps.modelsDir);
  const paths =
    deps.paths ??
    (deps.choosePhotoFile !== null
      ? new GrantedPaths(() => deps.settings?.current().recentFiles ?? [])
      : TRUSTING_PATHS);
  // What the person picks in a dialog is theirs to open (and, for a save dialog, to write).
  const granting = <A extends unknown[]>(
    choose: ((...args: A) => Promise<string | null>) | null | undefined,
    access: PathAccess,
    finalPath: (chosen: string) => string = (chosen) => chosen,
  ) =>
    choose
      ? async (...args: A): Promise<string | null> => {
          const chosen = await choose(...args);
          if (chosen !== null) paths.grant(finalPath(chosen), access);
          return chosen;
        }
      : null;
  const dialogs = {
    choosePhotoFile: granting(deps.choosePhotoFile, 'read'),
    chooseProjectFile: granting(deps.chooseProjectFile, 'write'),
    chooseProjectSavePath: granting(deps.chooseProjectSavePath, 'write', withProjectExtension),
  };
  return {
    async getStatus() {
      return ok({
        appVersion: deps.appVersion,
        model: await readModelStatus(deps.modelsDir),
        inference: synthesis.inferenceStatus(),
        capabilities: { nativeOpenDialog: deps.choosePhotoFile !== null },
      });
    },

    async openPhoto(request) {
      if (request.source === 'path') {
        const refusal = paths.refusal(request.path, 'read');
        if (refusal !== null) return fail('invalid-request', refusal);
      }
      const opened = await openPhoto(request, deps.photos, faces);
      if (opened.ok && request.source === 'path')
        deps.settings?.recordRecentFile(request.path, 'photo');
      return opened;
    },

    async openPhotoFromDialog() {
      if (deps.choosePhotoFile === null) {
        return fail('unsupported', 'This version of FaceShop has no native file dialog.');
      }
      const chosen = await (dialogs.choosePhotoFile as PhotoFileChooser)();
      if (chosen === null) return ok(null);
      const opened = await openPhoto({ source: 'path', path: chosen }, deps.photos, faces);
      if (opened.ok) deps.settings?.recordRecentFile(chosen, 'photo');
      return opened;
    },

    photoDetail(request) {
      return photoDetail(request, deps.photos);
    },

    synthesize(request) {
      return synthesis.synthesize(request);
    },

    applyResult({ document }) {
      return synthesis.apply(document);
    },

    exportPhoto(request) {
      return exportPhoto(request, {
        photos: deps.photos,
        synthesis,
        chooseExportPath: deps.chooseExportPath ?? null,
        paths,
      });
    },

    ...createProjectHandlers({ ...deps, ...dialogs, paths }),

    ...createSettingsHandlers({
      appVersion: deps.appVersion,
      modelsDir: deps.modelsDir,
      photos: deps.photos,
      settings: deps.settings ?? null,
      inference: synthesis,
      samplePhoto: deps.samplePhoto ?? null,
      openFileRequests: deps.openFileRequests ?? null,
      faces,
    }),

    ...createPasteHandlers(deps),
  };
}
