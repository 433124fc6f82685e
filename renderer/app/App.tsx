/**
 * The workspace shell: toolbar, canvas area, layers panel and status bar, and the wiring from
 * input (toolbar, keyboard, the Electron menu, drag and drop, the file picker) to commands.
 */
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ChangeEvent,
  type DragEvent,
} from 'react';
import { backend, bridgeAvailable, onBackendEvent } from '../bridge/backend';
import type { ShownPhoto } from '../canvas/photo-view';
import { workspaceCommands } from '../workspace/commands';
import { matchesShortcut } from '../workspace/commands/shortcut';
import { layersOf } from '../workspace/layers';
import { createPhotoOpener } from '../workspace/photo-opener';
import { initialWorkspaceState, workspaceReducer } from '../workspace/workspace-state';
import { emitAppEvent } from '../testing/app-events';
import { LayersPanel } from './LayersPanel';
import { isMac } from './platform';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { Workspace } from './Workspace';

/** What the page's file picker offers; the backend decides what it actually accepts. */
const PHOTO_FILE_ACCEPT = 'image/*,.tif,.tiff,.heic,.heif,.avif';

export function App() {
  const [state, dispatch] = useReducer(workspaceReducer, initialWorkspaceState);
  const opener = useMemo(() => createPhotoOpener(backend, dispatch), []);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [dropActive, setDropActive] = useState(false);

  const runCommand = (commandId: string) => {
    workspaceCommands.get(commandId)?.run({
      nativeOpenDialog: state.status?.capabilities.nativeOpenDialog ?? false,
      opener,
      pickFileInPage: () => fileInputRef.current?.click(),
    });
  };
  // Listeners installed once by effects below still see the latest state through this.
  const runCommandFromListener = useEffectEvent(runCommand);

  useEffect(() => {
    if (!bridgeAvailable) {
      dispatch({
        type: 'failed',
        code: 'transport',
        text: 'FaceShop’s backend is not connected. Start the app with `npm start`.',
      });
      return;
    }
    let live = true;
    void backend.getStatus().then((result) => {
      if (!live) return;
      if (result.ok) {
        dispatch({ type: 'status-loaded', status: result.value });
        emitAppEvent('app-ready', { modelState: result.value.model.state });
      } else {
        dispatch({ type: 'failed', code: result.error.code, text: result.error.message });
      }
    });
    return () => {
      live = false;
    };
  }, []);

  // The Electron menu sends command ids; the browser host never does.
  useEffect(
    () => onBackendEvent('menuCommand', (commandId) => runCommandFromListener(commandId)),
    [],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      for (const command of workspaceCommands.values()) {
        if (command.shortcut && matchesShortcut(command.shortcut, event, isMac)) {
          event.preventDefault();
          runCommandFromListener(command.id);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

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
    if (file) {
      void opener.openFile(file);
    } else {
      dispatch({ type: 'failed', code: 'invalid-request', text: 'Drop a photo file to open it.' });
    }
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again still fires a change.
    event.currentTarget.value = '';
    if (file) void opener.openFile(file);
  };

  const onPhotoShown = (shown: ShownPhoto) => {
    dispatch({ type: 'zoom-changed', zoom: shown.zoom });
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

  return (
    <div className="app" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      <Toolbar busy={state.opening !== null} onCommand={runCommand} />
      <Workspace
        photo={state.photo}
        message={state.message}
        dropActive={dropActive}
        onDismissMessage={() => dispatch({ type: 'message-dismissed' })}
        onPhotoShown={onPhotoShown}
        onRefit={(shown) => dispatch({ type: 'zoom-changed', zoom: shown.zoom })}
        onCanvasError={(text) => dispatch({ type: 'failed', code: 'internal', text })}
      />
      <LayersPanel layers={layersOf(state)} />
      <StatusBar state={state} />
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
    </div>
  );
}
