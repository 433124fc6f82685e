/**
 * The workspace shell, as composition: toolbox, options bar, canvas, source, layers and history
 * panels, status bar and dialogs around one workspace controller
 * (renderer/workspace/workspace-controller.ts), which owns what keeps work safe — the discard
 * guard, Apply, project files, autosave, the backend status and the app events. The use-*.ts
 * hooks beside this file connect the window to it: keys, drops, backend events, the title.
 */
import { useRef, useState, useSyncExternalStore } from 'react';
import { PROJECT_EXTENSION } from '../workspace/project-files';
import { applyUnavailableReason } from '../workspace/result-applier';
import type { AppDialog } from '../workspace/commands/workspace-command';
import { AppDialogs } from './AppDialogs';
import { FirstRunScreen } from './FirstRunScreen';
import { HiddenFileInput } from './HiddenFileInput';
import { HistoryPanel } from './HistoryPanel';
import { LayersPanel } from './LayersPanel';
import { RecoveryBanner } from './RecoveryBanner';
import { SavePathPrompt } from './SavePathPrompt';
import { SourcePanel } from './SourcePanel';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { ToolPalette } from './ToolPalette';
import { useBackendEvents } from './use-backend-events';
import { useDocumentTitle } from './use-document-title';
import { useEditorState, useSessionEditor, useSynthesisStatus } from './use-editor';
import { useFileDrop } from './use-file-drop';
import { useNotices } from './use-notices';
import { useUnloadGuard } from './use-unload-guard';
import { useWorkspaceController } from './use-workspace-controller';
import { useWorkspaceKeys } from './use-workspace-keys';
import { useWorkspaceSettings } from './use-workspace-settings';
import { Workspace } from './Workspace';

/** What the page's file picker offers; the backend decides what it actually accepts. */
const PHOTO_FILE_ACCEPT = 'image/*,.tif,.tiff,.heic,.heif,.avif';

export function App() {
  const { notice, notify, clear: clearNotice } = useNotices();
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const [askingSavePath, setAskingSavePath] = useState(false);
  const [strokesVisible, setStrokesVisible] = useState(true);
  const photoInputRef = useRef<HTMLInputElement>(null);
  const projectInputRef = useRef<HTMLInputElement>(null);
  const { controller, state } = useWorkspaceController({
    pickPhotoInPage: () => photoInputRef.current?.click(),
    pickProjectInPage: () => projectInputRef.current?.click(),
    askSavePath: () => setAskingSavePath(true),
    showDialog: setDialog,
    notify,
    confirm: (question) => window.confirm(question),
  });
  const { session, opener, projects, applier } = controller;
  const editor = useSessionEditor(session);
  const editorState = useEditorState(editor);
  const synthesis = useSynthesisStatus(editor ? session.getClient() : null);
  const applying = useSyncExternalStore(applier.subscribe, applier.isApplying);
  const settings = useWorkspaceSettings(controller, state);
  const title = useDocumentTitle(controller, state, editorState);
  const drop = useFileDrop(controller.openDropped);
  useWorkspaceKeys(controller, () => setDialog('shortcuts'));
  useBackendEvents(controller);
  useUnloadGuard(controller);

  const busy = state.opening !== null || state.busy !== null;
  const saveToPath = async (path: string) => {
    if ((await projects.saveAs(path)) === 'saved') setAskingSavePath(false);
  };

  return (
    <div className="app" {...drop.handlers}>
      <Toolbar
        busy={busy}
        onCommand={controller.runCommand}
        editor={editor}
        state={editorState}
        title={title}
        apply={{
          unavailable: applyUnavailableReason(editor, applying),
          applying,
          run: () => void controller.apply(),
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
        dropActive={drop.active}
        opening={state.opening}
        onDismissMessage={() => controller.dispatch({ type: 'message-dismissed' })}
        onNoticeExpired={clearNotice}
        onPhotoShown={controller.photoShown}
        onResultDrawn={controller.resultDrawn}
        onCanvasError={controller.canvasFailed}
        onView={controller.setView}
        emptyState={
          <FirstRunScreen
            busy={busy}
            recentFiles={settings.loaded?.settings.recentFiles ?? []}
            onTrySample={() => void opener.openSample()}
            onOpenPhoto={() => controller.runCommand('file.open')}
            onOpenProject={() => controller.runCommand('file.openProject')}
            onOpenRecent={controller.openRequest}
            onClearRecent={settings.clearRecent}
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
        <SourcePanel
          editor={editor}
          targetLandmarks={state.photo?.landmarks ?? null}
          slot={session.pasteSource}
        />
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
      <AppDialogs
        dialog={dialog}
        state={state}
        editor={editor}
        settings={settings}
        onNotice={notify}
        onClose={() => setDialog(null)}
      />
      <HiddenFileInput
        ref={photoInputRef}
        accept={PHOTO_FILE_ACCEPT}
        testId="photo-file-input"
        onFile={(file) => void opener.openFile(file)}
      />
      <HiddenFileInput
        ref={projectInputRef}
        accept={PROJECT_EXTENSION}
        testId="project-file-input"
        onFile={(file) => void projects.openFile(file)}
      />
    </div>
  );
}
