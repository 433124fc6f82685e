/**
 * The backend's handlers: one object, typed by the contract, served unchanged by Electron's
 * main process and by the browser test host. What differs between the two is passed in
 * (where the models are, whether a native file dialog exists), never re-implemented.
 */
import type { BackendHandlers } from '../../shared/ipc/contract';
import { fail, ok } from '../../shared/ipc/result';
import path from 'node:path';
import { DEFAULT_MODEL_MANIFEST } from './models/models-dir';
import { openPhoto } from './photos/open-photo';
import type { PhotoStore } from './photos/photo-store';
import { installedModel } from './project/installed-model';
import { openProject } from './project/open-project';
import { defaultProjectName, withProjectExtension } from './project/project-paths';
import type { RecoveryStore } from './project/recovery-store';
import { saveProjectFile } from './project/save-project';
import { readModelStatus } from './status/model-status';
import { EditorSynthesis } from './synthesis/editor-synthesis';

/** Asks the person for a photo file; resolves to its absolute path, or null if they cancel. */
export type PhotoFileChooser = () => Promise<string | null>;

/** Asks the person for a project file to open; its absolute path, or null if they cancel. */
export type ProjectFileChooser = () => Promise<string | null>;

/** Asks where to save a project, proposing `suggestedName`; null if they cancel. */
export type ProjectSavePathChooser = (suggestedName: string) => Promise<string | null>;

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
}

export function createBackendHandlers(deps: BackendDependencies): BackendHandlers {
  const synthesis =
    deps.synthesis ??
    new EditorSynthesis({
      manifestPath: path.join(deps.modelsDir, DEFAULT_MODEL_MANIFEST),
      photos: deps.photos,
    });
  return {
    async getStatus() {
      return ok({
        appVersion: deps.appVersion,
        model: await readModelStatus(deps.modelsDir),
        capabilities: { nativeOpenDialog: deps.choosePhotoFile !== null },
      });
    },

    openPhoto(request) {
      return openPhoto(request, deps.photos);
    },

    async openPhotoFromDialog() {
      if (deps.choosePhotoFile === null) {
        return fail('unsupported', 'This version of FaceShop has no native file dialog.');
      }
      const chosen = await deps.choosePhotoFile();
      if (chosen === null) return ok(null);
      return openPhoto({ source: 'path', path: chosen }, deps.photos);
    },

    synthesize(request) {
      return synthesis.synthesize(request);
    },

    applyResult({ document }) {
      return synthesis.apply(document);
    },

    async saveProject({ document, path: given, suggestedName }) {
      let target = given ?? null;
      if (target === null) {
        if (deps.chooseProjectSavePath === null) {
          return fail('unsupported', 'This version of FaceShop has no save dialog; give a path.');
        }
        const name = suggestedName ?? defaultProjectName(deps.photos.get(document.photo.assetId));
        target = await deps.chooseProjectSavePath(name);
        if (target === null) return ok(null);
      }
      // Never overwrite a photo with a project: the file always ends in .faceshop.
      target = withProjectExtension(target);
      const saved = await saveProjectFile(document, target, {
        photos: deps.photos,
        appVersion: deps.appVersion,
        model: await installedModel(deps.modelsDir),
        withPreview: true,
      });
      if (!saved.ok) return saved;
      // The file now holds the work; a crash from here on should not offer an older autosave.
      await deps.recovery?.forgetAutosave();
      const { savedAt, warnings } = saved.value;
      return ok({
        path: target,
        fileName: path.basename(target),
        savedAt,
        warnings: [...warnings],
      });
    },

    openProject(request) {
      return openProject(request, deps.photos);
    },

    async openProjectFromDialog() {
      if (deps.chooseProjectFile === null) {
        return fail('unsupported', 'This version of FaceShop has no native file dialog.');
      }
      const chosen = await deps.chooseProjectFile();
      if (chosen === null) return ok(null);
      return openProject({ source: 'path', path: chosen }, deps.photos);
    },

    autosave({ document, projectPath }) {
      if (deps.recovery === null) return Promise.resolve(noRecovery());
      return deps.recovery.autosave(document, projectPath);
    },

    async checkRecovery() {
      return ok((await deps.recovery?.checkRecovery()) ?? null);
    },

    restoreRecovery() {
      if (deps.recovery === null) return Promise.resolve(noRecovery());
      return deps.recovery.restoreRecovery();
    },

    async discardRecovery() {
      await deps.recovery?.discardRecovery();
      return ok(null);
    },
  };
}

function noRecovery() {
  return fail('unsupported', 'This version of FaceShop keeps no autosaves.');
}
