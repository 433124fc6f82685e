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
        inference: synthesis.inferenceStatus(),
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

    ...createProjectHandlers(deps),

    ...createPasteHandlers(deps),
  };
}
