/**
 * The backend's project methods (save, open, autosave, recovery), typed by the contract and
 * spread into the handler object by backend.ts. The native dialogs, like the photo dialog, are
 * passed in: only Electron's main process has them.
 */
import path from 'node:path';
import type { BackendHandlers } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/result';
import type { PhotoStore } from '../photos/photo-store';
import { installedModel } from './installed-model';
import { openProject } from './open-project';
import { defaultProjectName, withProjectExtension } from './project-paths';
import type { RecoveryStore } from './recovery-store';
import type { SettingsStore } from '../settings/settings-store';
import { saveProjectFile } from './save-project';
import { TRUSTING_PATHS, type PathPolicy } from '../files/path-grants';

/** Asks the person for a project file to open; its absolute path, or null if they cancel. */
export type ProjectFileChooser = () => Promise<string | null>;

/** Asks where to save a project, proposing `suggestedName`; null if they cancel. */
export type ProjectSavePathChooser = (suggestedName: string) => Promise<string | null>;

export interface ProjectHandlerDependencies {
  readonly appVersion: string;
  readonly modelsDir: string;
  readonly photos: PhotoStore;
  /** Null where the platform has no native dialog (the browser host). */
  readonly chooseProjectFile: ProjectFileChooser | null;
  readonly chooseProjectSavePath: ProjectSavePathChooser | null;
  /** Autosave and crash recovery in the app's data folder; null where there is none. */
  readonly recovery: RecoveryStore | null;
  /** Opened and saved projects go to the recent files (issue 9). */
  readonly settings?: SettingsStore | null;
  /** Which paths the page may name (files/path-grants.ts); by default any. */
  readonly paths?: PathPolicy;
}

export type ProjectHandlers = Pick<
  BackendHandlers,
  | 'saveProject'
  | 'openProject'
  | 'openProjectFromDialog'
  | 'autosave'
  | 'checkRecovery'
  | 'restoreRecovery'
  | 'discardRecovery'
>;

export function createProjectHandlers(deps: ProjectHandlerDependencies): ProjectHandlers {
  const paths = deps.paths ?? TRUSTING_PATHS;
  return {
    async saveProject({ document, path: given, suggestedName, session }) {
      if (given !== undefined && given !== null) {
        const refusal = paths.refusal(withProjectExtension(given), 'write');
        if (refusal !== null) return fail('invalid-request', refusal);
      }
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
        session: session ?? null,
      });
      if (!saved.ok) return saved;
      // The file now holds the work; a crash from here on should not offer an older autosave.
      await deps.recovery?.forgetAutosave();
      deps.settings?.recordRecentFile(target, 'project');
      const { savedAt, warnings } = saved.value;
      return ok({
        path: target,
        fileName: path.basename(target),
        savedAt,
        warnings: [...warnings],
      });
    },

    async openProject(request) {
      if (request.source === 'path') {
        const refusal = paths.refusal(request.path, 'read');
        if (refusal !== null) return fail('invalid-request', refusal);
      }
      const opened = await openProject(request, deps.photos);
      if (opened.ok && request.source === 'path') {
        deps.settings?.recordRecentFile(request.path, 'project');
        // The person's own project: saving it again writes where it came from.
        paths.grant(request.path, 'write');
      }
      return opened;
    },

    async openProjectFromDialog() {
      if (deps.chooseProjectFile === null) {
        return fail('unsupported', 'This version of FaceShop has no native file dialog.');
      }
      const chosen = await deps.chooseProjectFile();
      if (chosen === null) return ok(null);
      const opened = await openProject({ source: 'path', path: chosen }, deps.photos);
      if (opened.ok) deps.settings?.recordRecentFile(chosen, 'project');
      return opened;
    },

    autosave({ document, projectPath, session }) {
      if (deps.recovery === null) return Promise.resolve(noRecovery());
      // Only a project path the page may write is remembered: restoring grants it again.
      const own =
        projectPath !== null && paths.refusal(projectPath, 'write') === null ? projectPath : null;
      return deps.recovery.autosave(document, own, session ?? null);
    },

    async checkRecovery() {
      return ok((await deps.recovery?.checkRecovery()) ?? null);
    },

    async restoreRecovery() {
      if (deps.recovery === null) return noRecovery();
      const restored = await deps.recovery.restoreRecovery();
      // The recovered work's own project file (recorded by the backend when it autosaved): Save
      // writes there again, as it would have before the crash.
      if (restored.ok && restored.value.path !== null) paths.grant(restored.value.path, 'write');
      return restored;
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
