/**
 * The workspace shell: toolbox, options bar, canvas, layers and history panels, status bar, and
 * the wiring from input (toolbar, keyboard, the Electron menu, drag and drop, the file pickers)
 * to workspace commands and to the editor; plus what keeps work safe around the document —
 * Apply, project files, the title's unsaved mark, autosave and the crash-recovery offer.
 */
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type DragEvent,
} from 'react';
import { backend, bridgeAvailable, onBackendEvent } from '../bridge/backend';
import type { SceneView, ShownPhoto } from '../canvas/scene-view';
import { createEditorProbes } from '../testing/editor-probes';
import { emitAppEvent, setTestProbes } from '../testing/app-events';
import { workspaceCommands } from '../workspace/commands';
import { matchesShortcut } from '../workspace/commands/shortcut';
import { Autosaver } from '../workspace/autosaver';
import { EditingSession } from '../workspace/editing-session';
import { createPhotoOpener, type PhotoOpener } from '../workspace/photo-opener';
import {
  createProjectFiles,
  isProjectFileName,
  PROJECT_EXTENSION,
  type ProjectFiles,
} from '../workspace/project-files';
import { applyUnavailableReason, ResultApplier } from '../workspace/result-applier';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceState,
} from '../workspace/workspace-state';
import type { AppDialog } from '../workspace/commands/workspace-command';
import type { OpenFileRequest } from '../../shared/settings/settings';
import { AboutDialog } from './AboutDialog';
import { ExportDialog, formatFileSize } from './ExportDialog';
import { FirstRunScreen } from './FirstRunScreen';
import { HistoryPanel } from './HistoryPanel';
import { PreferencesDialog } from './PreferencesDialog';
import { ShortcutSheetDialog } from './ShortcutSheetDialog';
import { useAppSettings } from './use-app-settings';
import { LayersPanel } from './LayersPanel';
import { isMac } from './platform';
import { RecoveryBanner } from './RecoveryBanner';
import { SavePathPrompt } from './SavePathPrompt';
import { SourcePanel } from './SourcePanel';
import { StatusBar } from './StatusBar';
import { Toolbar, type DocumentTitle } from './Toolbar';
import { ToolPalette } from './ToolPalette';
import { useEditorState, useSessionEditor, useSynthesisStatus } from './use-editor';
import { useNotices } from './use-notices';
import { Workspace } from './Workspace';

/** What the page's file picker offers; the backend decides what it actually accepts. */
const PHOTO_FILE_ACCEPT = 'image/*,.tif,.tiff,.heic,.heif,.avif';

/** Keys typed into these go to the field, not to the editor's shortcuts. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    ['text', 'search', 'number', 'email', 'url', 'password'].includes(target.type)
  );
}

/** A value the helpers created once read at call time (never during render). */
class Latest<T> {
  constructor(private value: T) {}
  get(): T {
    return this.value;
  }
  set(value: T): void {
    this.value = value;
  }
}

export function App() {
  const [state, dispatch] = useReducer(workspaceReducer, initialWorkspaceState);
  const [session] = useState(
    () =>
      new EditingSession({
        synthesize: (request) => backend.synthesize(request),
        photoDetail: (request) => backend.photoDetail(request),
        platform: isMac ? 'mac' : 'other',
      }),
  );
  const editor = useSessionEditor(session);
  const editorState = useEditorState(editor);
  const client = editor ? session.getClient() : null;
  const synthesis = useSynthesisStatus(client);
  const viewRef = useRef<SceneView | null>(null);
  const [strokesVisible, setStrokesVisible] = useState(true);
  const { notice, notify, clear: clearNotice } = useNotices();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const projectInputRef = useRef<HTMLInputElement>(null);
  const [dropActive, setDropActive] = useState(false);
  const [askingSavePath, setAskingSavePath] = useState(false);
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const appSettings = useAppSettings((status) => dispatch({ type: 'status-loaded', status }));
  // Long-lived helpers created once read the latest workspace state through this.
  const [latest] = useState(() => new Latest<WorkspaceState>(state));
  useEffect(() => latest.set(state));

  // Opening replaces the document: ask first when that would lose work. A drop, a picked file
  // or a path asks once the file is known to open (a file that cannot be opened just says so);
  // the native dialog asks before it opens.
  const mayDiscard = useMemo(
    () => (): boolean =>
      !session.hasUnsavedChanges ||
      window.confirm('Open another file? The edits to the open photo have not been saved.'),
    [session],
  );

  const opener = useMemo((): PhotoOpener => {
    const inner = createPhotoOpener(
      backend,
      (action) => {
        dispatch(action);
        if (action.type === 'photo-opened') session.open(action.photo);
      },
      mayDiscard,
    );
    return {
      ...inner,
      openWithDialog: () => (mayDiscard() ? inner.openWithDialog() : Promise.resolve()),
    };
  }, [session, mayDiscard]);

  const projects = useMemo((): ProjectFiles => {
    const inner = createProjectFiles(
      {
        backend,
        session,
        dispatch,
        currentProject: () => latest.get().project,
        photoFileName: () => latest.get().photo?.info.fileName ?? null,
        mayReplace: mayDiscard,
      },
      () => latest.get().status?.capabilities.nativeOpenDialog ?? false,
    );
    return {
      ...inner,
      openWithDialog: () => (mayDiscard() ? inner.openWithDialog() : Promise.resolve()),
      restoreRecovery: () => (mayDiscard() ? inner.restoreRecovery() : Promise.resolve()),
    };
  }, [session, mayDiscard, latest]);

  const [applier] = useState(
    () => new ResultApplier(session, (request) => backend.applyResult(request)),
  );
  const applying = useSyncExternalStore(applier.subscribe, applier.isApplying);

  const [autosaver] = useState(
    () =>
      new Autosaver({
        autosave: (request) => backend.autosave(request),
        document: () => session.getEditor()?.document ?? null,
        hasUnsavedChanges: () => session.hasUnsavedChanges,
        projectPath: () => latest.get().project?.path ?? null,
        session: () => session.getEditor()?.savedSession() ?? null,
        onSaved: (saved, document) =>
          emitAppEvent('autosaved', { ...saved, photoId: document.photo.assetId }),
        // Quietly: an autosave that fails must not interrupt editing; Save reports for real.
        onFailed: (error) => console.warn(`[faceshop] autosave failed: ${error.message}`),
      }),
  );
  useEffect(() => autosaver.start(), [autosaver]);

  const runCommand = (commandId: string) => {
    workspaceCommands.get(commandId)?.run({
      nativeOpenDialog: state.status?.capabilities.nativeOpenDialog ?? false,
      opener,
      pickFileInPage: () => fileInputRef.current?.click(),
      projects,
      pickProjectInPage: () => projectInputRef.current?.click(),
      askSavePath: () => {
        if (session.getEditor()) setAskingSavePath(true);
      },
      editor: session.getEditor(),
      showDialog: setDialog,
    });
  };

  // File → Open Recent, the first-run screen's recent list and double-clicked files.
  const openByPath = (request: OpenFileRequest) =>
    void (request.kind === 'project'
      ? projects.openPath(request.path)
      : opener.openPath(request.path));
  const openByPathFromListener = useEffectEvent(openByPath);
  useEffect(() => {
    const off = onBackendEvent('openFile', (request) => openByPathFromListener(request));
    // Files the operating system asked for before this page listened (a double-clicked project).
    void backend.takeOpenFileRequests().then((answer) => {
      if (answer.ok) for (const request of answer.value) openByPathFromListener(request);
    });
    return off;
  }, []);

  // Preferences reach the autosaver; a damaged settings file is reported once, in words.
  const autosaveSeconds = appSettings.loaded?.settings.autosaveIntervalSeconds;
  useEffect(() => {
    if (autosaveSeconds !== undefined) autosaver.setIntervalMs(autosaveSeconds * 1000);
  }, [autosaver, autosaveSeconds]);
  const settingsWarnings = appSettings.loaded?.warnings.join(' ') ?? '';
  useEffect(() => {
    if (settingsWarnings !== '') dispatch({ type: 'info', text: settingsWarnings });
  }, [settingsWarnings]);
  // Opening or saving changes the recent files.
  const { reload: reloadSettings } = appSettings;
  useEffect(reloadSettings, [reloadSettings, state.photo?.photoId, state.project?.path]);

  // "?" opens the shortcut sheet, as in most editors (outside text fields).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTextEntry(event.target)) {
        event.preventDefault();
        setDialog('shortcuts');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const applyResult = async () => {
    const outcome = await applier.apply();
    switch (outcome.status) {
      case 'applied':
        emitAppEvent('result-applied', {
          photoId: outcome.photo.photoId,
          revision: outcome.revision,
        });
        return;
      case 'unavailable':
        notify(outcome.reason);
        return;
      case 'failed':
        dispatch({
          type: 'failed',
          code: outcome.error.code,
          text: `Apply failed: ${outcome.error.message}`,
        });
        return;
    }
  };

  const saveToPath = async (path: string) => {
    const outcome = await projects.saveAs(path);
    if (outcome === 'saved') setAskingSavePath(false);
  };
  // Listeners installed once by effects below still see the latest state through this.
  const runCommandFromListener = useEffectEvent(runCommand);

  useEffect(() => {
    if (!bridgeAvailable) {
      dispatch({
        type: 'failed',
        code: 'transport',
        text: 'FaceShop’s backend is not connected. Start the app with `npm start`.',
        persistent: true,
      });
      return;
    }
    let live = true;
    void backend.getStatus().then((result) => {
      if (!live) return;
      if (result.ok) {
        dispatch({ type: 'status-loaded', status: result.value });
        emitAppEvent('app-ready', { modelState: result.value.model.state });
        void projects.checkRecovery();
      } else {
        dispatch({ type: 'failed', code: result.error.code, text: result.error.message });
      }
    });
    return () => {
      live = false;
    };
  }, [projects]);

  // The model loads in the background: once a synthesis has run (or failed), ask again which
  // execution provider it got, until the status says it is ready.
  const inferenceState = state.status?.inference?.state;
  useEffect(() => {
    if (inferenceState === undefined || inferenceState === 'ready') return;
    if (synthesis.lastRoundTripMs === null && synthesis.error === null) return;
    let live = true;
    void backend.getStatus().then((result) => {
      if (live && result.ok) dispatch({ type: 'status-loaded', status: result.value });
    });
    return () => {
      live = false;
    };
  }, [inferenceState, synthesis.lastRoundTripMs, synthesis.error]);

  // Every recorded step counts towards the next autosave (the same document object means no
  // step); a change of photo — an Apply, or its undo or redo — is worth keeping at once.
  useEffect(() => {
    if (!editor) return;
    let last = editor.document;
    return editor.subscribe(() => {
      const current = editor.document;
      if (current === last) return;
      const photoChanged = current.photo.assetId !== last.photo.assetId;
      last = current;
      if (photoChanged) autosaver.significantChange();
      else autosaver.stepRecorded();
    });
  }, [editor, autosaver]);

  // The title names the document and marks unsaved work, in the window's title bar too.
  const unsaved = editorState !== null && session.hasUnsavedChanges;
  const titleName = state.project?.fileName ?? state.photo?.info.fileName ?? null;
  const title: DocumentTitle | null = titleName === null ? null : { name: titleName, unsaved };
  useEffect(() => {
    document.title =
      titleName === null ? 'FaceShop' : `${unsaved ? '• ' : ''}${titleName} — FaceShop`;
  }, [titleName, unsaved]);

  useEffect(() => {
    setTestProbes(createEditorProbes(session.getEditor, () => viewRef.current));
    return () => setTestProbes(null);
  }, [session]);

  // The Electron menu sends command ids; the browser host never does.
  useEffect(
    () => onBackendEvent('menuCommand', (commandId) => runCommandFromListener(commandId)),
    [],
  );

  // Refusals worth a word (a hidden or locked layer), and the synthesis outcomes tests wait on.
  useEffect(() => {
    if (!editor) return;
    const offRefused = editor.refused.subscribe(notify);
    const current = session.getClient();
    const offShown = current?.shown.subscribe((shown) =>
      emitAppEvent('synthesis-shown', {
        revision: shown.revision,
        requestId: shown.requestId,
        latencyMs: shown.latencyMs,
        roundTripMs: shown.roundTripMs,
        inferenceMs: shown.inferenceMs,
        backendMs: shown.backendMs,
      }),
    );
    const offFailed = current?.failed.subscribe((failure) =>
      emitAppEvent('synthesis-failed', {
        revision: failure.revision,
        code: failure.error.code,
        message: failure.error.message,
      }),
    );
    return () => {
      offRefused();
      offShown?.();
      offFailed?.();
    };
  }, [editor, session, notify]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const command of workspaceCommands.values()) {
        if (command.shortcut && matchesShortcut(command.shortcut, event, isMac)) {
          event.preventDefault();
          runCommandFromListener(command.id);
          return;
        }
      }
      const current = session.getEditor();
      if (!current || isTextEntry(event.target)) return;
      if (current.keyDown(event)) event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      // Released even in a text field: a held key must never stay down.
      if (session.getEditor()?.keyUp(event)) event.preventDefault();
    };
    const onBlur = () => {
      // Keys released while another window had focus never arrive here.
      const current = session.getEditor();
      current?.keyUp({ key: ' ' });
      current?.keyUp({ key: '\\' });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Closing with unsaved edits asks first (in Electron, main's will-prevent-unload dialog).
      if (session.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [session]);

  useEffect(() => {
    // A file dropped outside the workspace must not make the page navigate to it.
    const preventNavigation = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', preventNavigation);
    window.addEventListener('drop', preventNavigation);
    return () => {
      window.removeEventListener('dragover', preventNavigation);
      window.removeEventListener('drop', preventNavigation);
    };
  }, []);

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropActive(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropActive(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDropActive(false);
    const file = event.dataTransfer.files[0];
    if (file && isProjectFileName(file.name)) {
      void projects.openFile(file);
    } else if (file) {
      void opener.openFile(file);
    } else {
      dispatch({
        type: 'failed',
        code: 'invalid-request',
        text: 'Drop a photo or a FaceShop project to open it.',
      });
    }
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again still fires a change.
    event.currentTarget.value = '';
    if (file) void opener.openFile(file);
  };

  const onProjectChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void projects.openFile(file);
  };

  const onPhotoShown = (shown: ShownPhoto) => {
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

  const onView = (view: SceneView | null) => {
    viewRef.current = view;
    session.setColorSampler(view && ((point) => view.sampleColor(point)));
  };

  return (
    <div className="app" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <Toolbar
        busy={state.opening !== null || state.busy !== null}
        onCommand={runCommand}
        editor={editor}
        state={editorState}
        title={title}
        apply={{
          unavailable: applyUnavailableReason(editor, applying),
          applying,
          run: () => void applyResult(),
        }}
        onNotice={notify}
      />
      <ToolPalette editor={editor} tool={editorState?.session.tool ?? null} />
      <Workspace
        session={session}
        editor={editor}
        strokesVisible={strokesVisible}
        message={state.message}
        notice={notice}
        dropActive={dropActive}
        onDismissMessage={() => dispatch({ type: 'message-dismissed' })}
        onNoticeExpired={clearNotice}
        onPhotoShown={onPhotoShown}
        onResultDrawn={(assetId) => session.getClient()?.resultDrawn(assetId)}
        onCanvasError={(text) => dispatch({ type: 'failed', code: 'internal', text })}
        onView={onView}
        emptyState={
          <FirstRunScreen
            busy={state.opening !== null || state.busy !== null}
            recentFiles={appSettings.loaded?.settings.recentFiles ?? []}
            onTrySample={() => void opener.openSample()}
            onOpenPhoto={() => runCommand('file.open')}
            onOpenProject={() => runCommand('file.openProject')}
            onOpenRecent={(file) => openByPath(file)}
            onClearRecent={appSettings.clearRecent}
            onShowShortcuts={() => setDialog('shortcuts')}
            onShowPreferences={() => setDialog('preferences')}
            onShowAbout={() => setDialog('about')}
          />
        }
      >
        {state.recovery && (
          <RecoveryBanner
            offer={state.recovery}
            onRestore={() => void projects.restoreRecovery()}
            onDiscard={() => void projects.discardRecovery()}
          />
        )}
        {askingSavePath && (
          <SavePathPrompt
            initialPath={state.project?.path ?? ''}
            busy={state.busy !== null}
            onSave={(path) => void saveToPath(path)}
            onCancel={() => setAskingSavePath(false)}
          />
        )}
      </Workspace>
      <aside className="side-panels">
        <SourcePanel editor={editor} />
        <LayersPanel
          photo={state.photo}
          editor={editor}
          state={editorState}
          synthesis={synthesis}
          strokesVisible={strokesVisible}
          onStrokesVisibleChange={setStrokesVisible}
        />
        <HistoryPanel editor={editor} state={editorState} />
      </aside>
      <StatusBar state={state} editorState={editorState} synthesis={synthesis} />
      {dialog === 'preferences' && (
        <PreferencesDialog
          loaded={appSettings.loaded}
          inference={state.status?.inference}
          onSave={appSettings.update}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutSheetDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && editor && state.photo && (
        <ExportDialog
          getDocument={() => editor.document}
          photoFileName={state.photo.info.fileName}
          photoSize={editor.document.photo}
          nativeDialog={state.status?.capabilities.nativeOpenDialog ?? false}
          defaults={appSettings.loaded?.settings ?? null}
          onExported={(exported) => {
            setDialog(null);
            notify(
              `Exported ${exported.fileName} (${exported.width}×${exported.height}, ${formatFileSize(exported.fileBytes)})${exported.edited ? '' : ' — no edit to render yet, the photo as it is'}`,
            );
            emitAppEvent('photo-exported', { path: exported.path, format: exported.format });
          }}
          onClose={() => setDialog(null)}
        />
      )}
      <input
        ref={fileInputRef}
        type="file"
        accept={PHOTO_FILE_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="photo-file-input"
        onChange={onFileChosen}
      />
      <input
        ref={projectInputRef}
        type="file"
        accept={PROJECT_EXTENSION}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="project-file-input"
        onChange={onProjectChosen}
      />
    </div>
  );
}
