/**
 * Project files from the renderer (issue 8): Save, Save As, Open Project (native dialog, page
 * picker or a dropped `.faceshop` file), and restoring or discarding a crashed session's work.
 * Results become workspace actions and app events; the document goes to the editing session.
 *
 * The backend does the writing (atomic, verified) and the reading (trust-nothing loader); this
 * module decides where ("Save" of a project with a file writes there, anything else asks) and
 * keeps the editor's saved mark in step with what is on disk. Opens are latest-wins like photo
 * opens: an answer overtaken by a newer open is ignored.
 */
import type { BackendApi } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/result';
import type { OpenedProject } from '../../shared/project/project-api';
import { PROJECT_LIMITS } from '../../shared/project/project-limits';
import { emitAppEvent } from '../app-events/app-events';
import type { EditingSession } from './editing-session';
import type { ProjectFile, WorkspaceDispatch } from './workspace-state';

export const PROJECT_EXTENSION = '.faceshop';

type Backend = Pick<
  BackendApi,
  | 'saveProject'
  | 'openProject'
  | 'openProjectFromDialog'
  | 'restoreRecovery'
  | 'discardRecovery'
  | 'checkRecovery'
>;

export interface ProjectFilesDeps {
  readonly backend: Backend;
  readonly session: EditingSession;
  readonly dispatch: WorkspaceDispatch;
  /** The project the open document belongs to, as the workspace state has it now. */
  readonly currentProject: () => ProjectFile | null;
  /** The open photo's file name, for the name the save dialog proposes. */
  readonly photoFileName: () => string | null;
  /**
   * Asked once a project is known to open (a drop, a picked file, a path), before it replaces
   * the open document; the native dialog and recovery ask before (the caller's part).
   */
  readonly mayReplace?: () => boolean;
}

export interface ProjectFiles {
  /** Writes to the project's file; without one, Save As (`null` target: ask natively). */
  save(): Promise<SaveOutcome>;
  /** Writes to `path`, or where the native dialog says when `path` is null. */
  saveAs(path: string | null): Promise<SaveOutcome>;
  openFile(file: File): Promise<void>;
  openWithDialog(): Promise<void>;
  /** A project the backend reads by path (File → Open Recent, a double-clicked project). */
  openPath(path: string): Promise<void>;
  checkRecovery(): Promise<void>;
  restoreRecovery(): Promise<void>;
  discardRecovery(): Promise<void>;
}

/** `needs-path`: no file yet and no native dialog; the UI asks for a path in the page. */
export type SaveOutcome = 'saved' | 'cancelled' | 'failed' | 'needs-path' | 'nothing-open';

export function isProjectFileName(name: string): boolean {
  return name.toLowerCase().endsWith(PROJECT_EXTENSION);
}

export function createProjectFiles(deps: ProjectFilesDeps, nativeDialog: () => boolean) {
  const { backend, session, dispatch } = deps;
  let latestTicket = 0;

  function suggestedName(): string {
    const current = deps.currentProject()?.fileName ?? deps.photoFileName() ?? 'Untitled';
    if (isProjectFileName(current)) return current;
    return `${current.replace(/\.[^.]*$/, '')}${PROJECT_EXTENSION}`;
  }

  let recoveryName: string | null = null;

  async function write(path: string | null): Promise<SaveOutcome> {
    const editor = session.getEditor();
    if (!editor) return 'nothing-open';
    // What is written is the document as it is now; edits made while it writes stay unsaved.
    const document = editor.document;
    const historyMarkBefore = editor.history;
    const kept = session.savedSession() ?? editor.savedSession();
    dispatch({ type: 'busy', text: 'Saving…' });
    const answer = await backend
      .saveProject(
        path === null
          ? { document, session: kept, suggestedName: suggestedName() }
          : { document, session: kept, path },
      )
      .catch((error: unknown) => fail('transport', `Saving failed: ${String(error)}`));
    if (!answer.ok) {
      dispatch({ type: 'failed', code: answer.error.code, text: answer.error.message });
      return 'failed';
    }
    if (answer.value === null) {
      dispatch({ type: 'busy', text: null });
      return 'cancelled';
    }
    const saved = answer.value;
    if (editor.document === document && sameHistory(editor.history, historyMarkBefore)) {
      session.markSaved();
    }
    dispatch({ type: 'project-saved', project: { path: saved.path, fileName: saved.fileName } });
    if (saved.warnings.length > 0) {
      dispatch({ type: 'info', text: saved.warnings.map((w) => w.message).join(' ') });
    }
    emitAppEvent('project-saved', {
      path: saved.path,
      fileName: saved.fileName,
      warnings: saved.warnings.length,
    });
    return 'saved';
  }

  async function open(
    label: string | null,
    load: () => Promise<Result<OpenedProject | null>>,
    askAfterLoad = true,
  ): Promise<void> {
    const ticket = ++latestTicket;
    dispatch({ type: 'photo-opening', fileName: label });
    const answer = await load().catch((error: unknown) =>
      fail('transport', `Opening the project failed: ${String(error)}`),
    );
    if (ticket !== latestTicket) return;
    if (!answer.ok) {
      dispatch({ type: 'failed', code: answer.error.code, text: answer.error.message });
      return;
    }
    if (answer.value === null || (askAfterLoad && !(deps.mayReplace?.() ?? true))) {
      dispatch({ type: 'photo-open-cancelled' });
      return;
    }
    const project = answer.value;
    const [photo] = project.photos;
    if (!photo) return;
    const dropped = session.openDocument(
      project.document,
      project.photos,
      project.origin === 'recovery',
      project.session,
    );
    dispatch({
      type: 'project-opened',
      photo,
      // Recovered work that never had a file is called what the offer called it, not by the
      // name of the backend's recovery file.
      project: {
        path: project.path,
        fileName:
          project.origin === 'recovery' && project.path === null
            ? (recoveryName ?? photo.info.fileName)
            : project.fileName,
      },
      warnings: [
        ...project.warnings.map((warning) => warning.message),
        ...(dropped > 0
          ? [
              `${dropped} of the saved undo steps could not be replayed on this document and were left out.`,
            ]
          : []),
      ],
    });
    emitAppEvent('project-opened', {
      fileName: project.fileName,
      origin: project.origin,
      photoId: photo.photoId,
      warnings: project.warnings.length,
    });
  }

  const files: ProjectFiles = {
    save() {
      const path = deps.currentProject()?.path ?? null;
      if (path !== null) return write(path);
      return files.saveAs(null);
    },
    saveAs(path) {
      if (path === null && !nativeDialog()) return Promise.resolve('needs-path');
      return write(path);
    },
    openFile(file) {
      const fileName = file.name || 'Untitled.faceshop';
      return open(fileName, async () => {
        if (file.size > PROJECT_LIMITS.maxFileBytes) {
          return fail('project-unreadable', `“${fileName}” is too large to be a FaceShop project.`);
        }
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch {
          return fail('project-unreadable', `“${fileName}” could not be read from disk.`);
        }
        return backend.openProject({ source: 'bytes', fileName, bytes });
      });
    },
    openWithDialog() {
      return open(null, () => backend.openProjectFromDialog(), false);
    },
    openPath(path) {
      const fileName = path.split(/[\\/]/).pop() || path;
      return open(fileName, () => backend.openProject({ source: 'path', path }));
    },
    async checkRecovery() {
      const answer = await backend.checkRecovery();
      if (!answer.ok || answer.value === null) return;
      recoveryName = answer.value.displayName;
      dispatch({ type: 'recovery-offered', offer: answer.value });
      emitAppEvent('recovery-offered', {
        displayName: answer.value.displayName,
        savedAt: answer.value.savedAt,
      });
    },
    restoreRecovery() {
      return open('recovered work', () => backend.restoreRecovery(), false);
    },
    async discardRecovery() {
      dispatch({ type: 'recovery-offered', offer: null });
      const answer = await backend.discardRecovery();
      if (!answer.ok)
        dispatch({ type: 'failed', code: answer.error.code, text: answer.error.message });
    },
  };
  return files;
}

/** Same undo/redo steps and position: nothing was done or undone while the file was written. */
function sameHistory(
  a: { readonly steps: readonly { readonly id: number }[]; readonly position: number },
  b: { readonly steps: readonly { readonly id: number }[]; readonly position: number },
): boolean {
  return (
    a.position === b.position &&
    a.steps.length === b.steps.length &&
    a.steps.every((step, index) => step.id === b.steps[index]?.id)
  );
}
