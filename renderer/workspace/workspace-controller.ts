/**
 * The workspace controller: everything the shell does around the document that is not drawing
 * the screen. It owns the workspace state (one reducer, read by React through
 * `subscribe`/`getState`), the editing session, and the helpers wired to it once — opening
 * photos and projects behind the discard guard, Apply, autosave, the backend status and the
 * app events the tests wait on. React components and hooks only forward input to it
 * (renderer/app/use-*.ts) and render what it holds.
 *
 * How it lives. Construction has no side effects, so a discarded instance (React's strict mode
 * builds state twice) costs nothing. `start()` connects it: the first status, autosave, and the
 * listeners on the editor and the synthesis client, which exist only once a photo is open, so
 * they are attached when the session first reports an editor. `start()` returns what undoes
 * all of it, and may be called again afterwards.
 */
import type { BackendApi } from '../../shared/ipc/contract';
import type { OpenFileRequest } from '../../shared/settings/settings';
import type { SceneView, ShownPhoto } from '../canvas/scene-view';
import { emitAppEvent, setTestProbes } from '../app-events/app-events';
import { createEditorProbes } from '../app-events/editor-probes';
import type { Editor } from '../editor';
import type { SynthesisStatus } from '../synthesis/synthesis-client';
import { Autosaver } from './autosaver';
import { workspaceCommands } from './commands';
import type { AppDialog } from './commands/workspace-command';
import { EditingSession } from './editing-session';
import { createPhotoOpener, type PhotoOpener } from './photo-opener';
import { createProjectFiles, isProjectFileName, type ProjectFiles } from './project-files';
import { ResultApplier } from './result-applier';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from './workspace-state';

/** What only the shell can do: its pickers, prompts, dialogs and notices. */
export interface WorkspaceShell {
  /** Opens the page's photo picker; must run inside the user's gesture. */
  pickPhotoInPage(): void;
  /** Opens the page's `.faceshop` picker. */
  pickProjectInPage(): void;
  /** No native save dialog: ask for the project file's path in the page. */
  askSavePath(): void;
  showDialog(dialog: AppDialog): void;
  /** A short notice that times out (a refusal, a reason Apply cannot run). */
  notify(text: string): void;
  /** A yes/no question (window.confirm in the app). */
  confirm(question: string): boolean;
}

export interface WorkspaceControllerOptions {
  readonly backend: BackendApi;
  /** False when the page has no preload or host: the workspace says so and stays idle. */
  readonly backendConnected: boolean;
  readonly platform: 'mac' | 'other';
  readonly shell: WorkspaceShell;
}

const DISCARD_QUESTION = 'Open another file? The edits to the open photo have not been saved.';

export class WorkspaceController {
  readonly session: EditingSession;
  readonly opener: PhotoOpener;
  readonly projects: ProjectFiles;
  readonly applier: ResultApplier;
  private readonly autosaver: Autosaver;
  private state: WorkspaceState = initialWorkspaceState;
  private readonly listeners = new Set<() => void>();
  private view: SceneView | null = null;
  /** Answers of status requests overtaken by a newer one (or by `stop`) are ignored. */
  private statusTicket = 0;

  constructor(private readonly options: WorkspaceControllerOptions) {
    const { backend } = options;
    this.session = new EditingSession({
      synthesize: (request) => backend.synthesize(request),
      photoDetail: (request) => backend.photoDetail(request),
      platform: options.platform,
    });
    const session = this.session;
    // Opening replaces the document: ask first when that would lose work. A drop, a picked
    // file or a path asks once the file is known to open (a file that cannot be opened just
    // says so); the native dialog and a recovery ask before they open.
    const mayDiscard = this.mayDiscard;
    const opener = createPhotoOpener(
      backend,
      (action) => {
        this.dispatch(action);
        if (action.type === 'photo-opened') session.open(action.photo);
      },
      mayDiscard,
    );
    this.opener = {
      ...opener,
      openWithDialog: () => (mayDiscard() ? opener.openWithDialog() : Promise.resolve()),
    };
    const projects = createProjectFiles(
      {
        backend,
        session,
        dispatch: this.dispatch,
        currentProject: () => this.state.project,
        photoFileName: () => this.state.photo?.info.fileName ?? null,
        mayReplace: mayDiscard,
      },
      () => this.state.status?.capabilities.nativeOpenDialog ?? false,
    );
    this.projects = {
      ...projects,
      openWithDialog: () => (mayDiscard() ? projects.openWithDialog() : Promise.resolve()),
      restoreRecovery: () => (mayDiscard() ? projects.restoreRecovery() : Promise.resolve()),
    };
    this.applier = new ResultApplier(session, (request) => backend.applyResult(request));
    this.autosaver = new Autosaver({
      autosave: (request) => backend.autosave(request),
      document: () => session.getEditor()?.document ?? null,
      hasUnsavedChanges: () => session.hasUnsavedChanges,
      projectPath: () => this.state.project?.path ?? null,
      session: () => session.savedSession(),
      onSaved: (saved, document) =>
        emitAppEvent('autosaved', { ...saved, photoId: document.photo.assetId }),
      // Quietly: an autosave that fails must not interrupt editing; Save reports for real.
      onFailed: (error) => console.warn(`[faceshop] autosave failed: ${error.message}`),
    });
  }

  // ── State, for React ────────────────────────────────────────────────────────────────────

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getState = (): WorkspaceState => this.state;

  readonly dispatch = (action: WorkspaceAction): void => {
    const next = workspaceReducer(this.state, action);
    if (next === this.state) return;
    const inferenceBefore = this.state.status?.inference?.state;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
    if (next.status?.inference?.state !== inferenceBefore) this.pollInference();
  };

  // ── Lifecycle ───────────────────────────────────────────────────────────────────────────

  start(): () => void {
    const offs: (() => void)[] = [];
    offs.push(this.autosaver.start());
    setTestProbes(createEditorProbes(this.session.getEditor, () => this.view));
    offs.push(() => setTestProbes(null));
    offs.push(this.loadStatus(), () => void this.statusTicket++);

    let offEditor: (() => void) | null = null;
    const attach = () => {
      const editor = this.session.getEditor();
      if (editor && offEditor === null) offEditor = this.watchEditor(editor);
    };
    offs.push(this.session.subscribe(attach));
    attach();
    offs.push(() => offEditor?.());
    return () => {
      for (const off of offs.reverse()) off();
    };
  }

  /** Whether unsaved work may be replaced (asks the person when there is any). */
  readonly mayDiscard = (): boolean =>
    !this.session.hasUnsavedChanges || this.options.shell.confirm(DISCARD_QUESTION);

  get hasUnsavedChanges(): boolean {
    return this.session.hasUnsavedChanges;
  }

  // ── Input from the shell ────────────────────────────────────────────────────────────────

  /** Runs a workspace command by id (toolbar, keyboard, the Electron menu). */
  readonly runCommand = (commandId: string): void => {
    const { shell } = this.options;
    workspaceCommands.get(commandId)?.run({
      nativeOpenDialog: this.state.status?.capabilities.nativeOpenDialog ?? false,
      opener: this.opener,
      pickFileInPage: () => shell.pickPhotoInPage(),
      projects: this.projects,
      pickProjectInPage: () => shell.pickProjectInPage(),
      askSavePath: () => {
        if (this.session.getEditor()) shell.askSavePath();
      },
      editor: this.session.getEditor(),
      showDialog: (dialog) => shell.showDialog(dialog),
    });
  };

  /** File → Open Recent, the first-run screen's recent list and double-clicked files. */
  readonly openRequest = (request: OpenFileRequest): void => {
    void (request.kind === 'project'
      ? this.projects.openPath(request.path)
      : this.opener.openPath(request.path));
  };

  /** A file dropped on the workspace: a project or a photo, by its name. */
  readonly openDropped = (file: File | undefined): void => {
    if (file && isProjectFileName(file.name)) {
      void this.projects.openFile(file);
    } else if (file) {
      void this.opener.openFile(file);
    } else {
      this.dispatch({
        type: 'failed',
        code: 'invalid-request',
        text: 'Drop a photo or a FaceShop project to open it.',
      });
    }
  };

  readonly apply = async (): Promise<void> => {
    const outcome = await this.applier.apply();
    switch (outcome.status) {
      case 'applied':
        emitAppEvent('result-applied', {
          photoId: outcome.photo.photoId,
          revision: outcome.revision,
        });
        return;
      case 'unavailable':
        this.options.shell.notify(outcome.reason);
        return;
      case 'failed':
        this.dispatch({
          type: 'failed',
          code: outcome.error.code,
          text: `Apply failed: ${outcome.error.message}`,
        });
        return;
    }
  };

  setAutosaveInterval(seconds: number): void {
    this.autosaver.setIntervalMs(seconds * 1000);
  }

  // ── The canvas's reports ────────────────────────────────────────────────────────────────

  readonly setView = (view: SceneView | null): void => {
    this.view = view;
    this.session.setColorSampler(view && ((point) => view.sampleColor(point)));
  };

  readonly photoShown = (shown: ShownPhoto): void => {
    emitAppEvent('photo-shown', {
      photoId: shown.photoId,
      zoom: shown.zoom,
      left: shown.left,
      top: shown.top,
      width: shown.width,
      height: shown.height,
      viewWidth: shown.viewWidth,
      viewHeight: shown.viewHeight,
    });
  };

  readonly resultDrawn = (assetId: string): void => this.session.getClient()?.resultDrawn(assetId);

  readonly canvasFailed = (text: string): void =>
    this.dispatch({ type: 'failed', code: 'internal', text });

  // ── Internals ───────────────────────────────────────────────────────────────────────────

  /** The first status: the workspace is ready, and a crashed session's work may be offered. */
  private loadStatus(): () => void {
    if (!this.options.backendConnected) {
      this.dispatch({
        type: 'failed',
        code: 'transport',
        text: 'FaceShop’s backend is not connected. Start the app with `npm start`.',
        persistent: true,
      });
      return () => {};
    }
    let live = true;
    void this.options.backend.getStatus().then((result) => {
      if (!live) return;
      if (result.ok) {
        this.dispatch({ type: 'status-loaded', status: result.value });
        emitAppEvent('app-ready', { modelState: result.value.model.state });
        void this.projects.checkRecovery();
      } else {
        this.dispatch({ type: 'failed', code: result.error.code, text: result.error.message });
      }
    });
    return () => {
      live = false;
    };
  }

  /**
   * The model loads in the background: once a synthesis has run (or failed), ask again which
   * execution provider it got, until the status says it is ready. Asked on each new synthesis
   * outcome and each change of the inference state.
   */
  private pollInference(): void {
    const inference = this.state.status?.inference?.state;
    const synthesis = this.synthesisStatus();
    const ticket = ++this.statusTicket;
    if (inference === undefined || inference === 'ready') return;
    if (synthesis.lastRoundTripMs === null && synthesis.error === null) return;
    void this.options.backend.getStatus().then((result) => {
      if (ticket === this.statusTicket && result.ok) {
        this.dispatch({ type: 'status-loaded', status: result.value });
      }
    });
  }

  private synthesisStatus(): Pick<SynthesisStatus, 'lastRoundTripMs' | 'error'> {
    return this.session.getClient()?.getStatus() ?? { lastRoundTripMs: null, error: null };
  }

  /** What follows the open document: autosave's count, refusals, synthesis outcomes. */
  private watchEditor(editor: Editor): () => void {
    const offs: (() => void)[] = [];
    // Every recorded step counts towards the next autosave (the same document object means no
    // step); a change of photo — an Apply, or its undo or redo — is worth keeping at once.
    let last = editor.document;
    offs.push(
      editor.subscribe(() => {
        const current = editor.document;
        if (current === last) return;
        const photoChanged = current.photo.assetId !== last.photo.assetId;
        last = current;
        if (photoChanged) this.autosaver.significantChange();
        else this.autosaver.stepRecorded();
      }),
    );
    // Refusals worth a word (a hidden or locked layer).
    offs.push(editor.refused.subscribe((text) => this.options.shell.notify(text)));
    const client = this.session.getClient();
    if (client) {
      let seen = client.getStatus();
      offs.push(
        client.subscribe(() => {
          const status = client.getStatus();
          const outcomeChanged =
            status.lastRoundTripMs !== seen.lastRoundTripMs || status.error !== seen.error;
          seen = status;
          if (outcomeChanged) this.pollInference();
        }),
        client.shown.subscribe((shown) =>
          emitAppEvent('synthesis-shown', {
            revision: shown.revision,
            requestId: shown.requestId,
            latencyMs: shown.latencyMs,
            roundTripMs: shown.roundTripMs,
            inferenceMs: shown.inferenceMs,
            backendMs: shown.backendMs,
          }),
        ),
        client.failed.subscribe((failure) =>
          emitAppEvent('synthesis-failed', {
            revision: failure.revision,
            code: failure.error.code,
            message: failure.error.message,
          }),
        ),
      );
    }
    return () => {
      for (const off of offs) off();
    };
  }
}
