/**
 * Electron's main process: app lifecycle. It wires the pieces together and holds no logic of
 * its own — security guards, the app:// protocol, the IPC handlers (the core's, shared with the
 * browser host), the menu, and the one window.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import { APP_VERSION } from '../core/app-version';
import { createBackendHandlers } from '../core/backend';
import path from 'node:path';
import { DEFAULT_MODEL_MANIFEST } from '../core/models/models-dir';
import { PhotoStore } from '../core/photos/photo-store';
import { installedModel } from '../core/project/installed-model';
import { RecoveryStore } from '../core/project/recovery-store';
import { EditorSynthesis } from '../core/synthesis/editor-synthesis';
import { buildAppMenu } from './app-menu';
import { resolveAppPaths } from './app-paths';
import { declareAppScheme, serveRenderer } from './app-protocol';
import { registerBackendHandlers } from './ipc-registration';
import { choosePhotoWithDialog } from './photo-dialog';
import { chooseProjectSavePathWithDialog, chooseProjectWithDialog } from './project-dialog';
import { installAppGuards, installSessionGuards } from './security';
import { createMainWindow } from './window-factory';

const testHooks = process.env.FACESHOP_TEST_HOOKS === '1';

function openMainWindow(preloadFile: string): BrowserWindow {
  return createMainWindow({ preloadFile, testHooks });
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = resolveAppPaths();
  installSessionGuards(session.defaultSession);
  serveRenderer(paths.rendererDir);
  const photos = new PhotoStore();
  // Inference runs in a worker thread so a run never blocks IPC, menus or dialogs.
  const synthesis = new EditorSynthesis({
    manifestPath: path.join(paths.modelsDir, DEFAULT_MODEL_MANIFEST),
    photos,
    inference: { workerPath: path.join(import.meta.dirname, 'inference-worker.js') },
  });
  // Load the model while the person picks a photo; a failure is reported on first use.
  synthesis.load().catch(() => undefined);
  app.on('will-quit', () => void synthesis.dispose());
  // Before the window opens: a crashed session's autosave is set aside before anything new
  // could be autosaved over it.
  const recovery = await RecoveryStore.open({
    folder: path.join(app.getPath('userData'), 'recovery'),
    photos,
    appVersion: APP_VERSION,
    model: () => installedModel(paths.modelsDir),
  });
  app.on('will-quit', () => recovery.closeSync());
  registerBackendHandlers(
    createBackendHandlers({
      appVersion: APP_VERSION,
      modelsDir: paths.modelsDir,
      photos,
      choosePhotoFile: choosePhotoWithDialog,
      chooseProjectFile: chooseProjectWithDialog,
      chooseProjectSavePath: chooseProjectSavePathWithDialog,
      recovery,
      synthesis,
    }),
  );
  Menu.setApplicationMenu(buildAppMenu());
  openMainWindow(paths.preloadFile);

  app.on('activate', () => {
    // macOS keeps the app running without windows; clicking the dock icon reopens one.
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(paths.preloadFile);
  });
}

// One instance: a second launch focuses the running window instead of holding photos twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installAppGuards();
  declareAppScheme();
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('[faceshop] failed to start:', error);
    app.exit(1);
  });
}
