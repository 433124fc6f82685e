/**
 * Electron's main process: app lifecycle. It wires the pieces together and holds no logic of
 * its own — security guards, the app:// protocol, the IPC handlers (the core's, shared with the
 * browser host), the menu, and the one window.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import { APP_VERSION } from '../core/app-version';
import { createBackendHandlers } from '../core/backend';
import { GrantedPaths } from '../core/files/path-grants';
import path from 'node:path';
import { DEFAULT_MODEL_MANIFEST } from '../core/models/models-dir';
import { FaceLocator } from '../core/faces/face-locator';
import { PhotoStore } from '../core/photos/photo-store';
import { installedModel } from '../core/project/installed-model';
import { RecoveryStore } from '../core/project/recovery-store';
import { EditorSynthesis } from '../core/synthesis/editor-synthesis';
import { inferenceSettingsOf } from '../core/settings/settings-handlers';
import { SETTINGS_FILE_NAME, SettingsStore } from '../core/settings/settings-store';
import { buildAppMenu } from './app-menu';
import { fileToOpenFromArgs, OpenFileRequests } from './open-file-requests';
import { resolveAppPaths } from './app-paths';
import { declareAppScheme, serveRenderer } from './app-protocol';
import { registerBackendHandlers } from './ipc-registration';
import { choosePhotoWithDialog } from './photo-dialog';
import { chooseExportPathWithDialog } from './export-dialog';
import { chooseProjectSavePathWithDialog, chooseProjectWithDialog } from './project-dialog';
import { installAppGuards, installSessionGuards } from './security';
import { createMainWindow } from './window-factory';

const testHooks = process.env.FACESHOP_TEST_HOOKS === '1';
/** Projects and photos the operating system asks to open (double-click, second launch). */
const openFileRequests = new OpenFileRequests();

function openMainWindow(preloadFile: string): BrowserWindow {
  const window = createMainWindow({ preloadFile, testHooks });
  openFileRequests.attach(window);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = resolveAppPaths();
  // Without a models folder the status says "Model not installed" and names this place.
  const modelsDir = paths.modelsDir ?? path.join(process.resourcesPath, 'models');
  installSessionGuards(session.defaultSession);
  serveRenderer(paths.rendererDir);
  const photos = new PhotoStore();
  const settings = await SettingsStore.open({
    filePath: path.join(paths.userDataDir, SETTINGS_FILE_NAME),
    caseInsensitivePaths: process.platform === 'win32' || process.platform === 'darwin',
  });
  const { preference, threads } = inferenceSettingsOf(settings.current());
  // The page may name only files the person chose (reliability finding 6): the dialogs grant
  // inside the backend; files the system asks to open, and Open Recent, grant here.
  const pathGrants = new GrantedPaths(() => settings.current().recentFiles);
  openFileRequests.onFile = (file, kind) =>
    pathGrants.grant(file, kind === 'project' ? 'write' : 'read');
  // Inference and rasterization run in worker threads so neither blocks IPC, menus or dialogs.
  const synthesis = new EditorSynthesis({
    manifestPath: path.join(modelsDir, DEFAULT_MODEL_MANIFEST),
    photos,
    rasterWorkerPath: paths.rasterWorker,
    inference: {
      workerPath: paths.inferenceWorker,
      preference,
      ...(threads === undefined ? {} : { threads }),
    },
  });
  // Load the model while the person picks a photo; a failure is reported on first use.
  synthesis.load().catch(() => undefined);
  app.on('will-quit', () => void synthesis.dispose());
  // The face detector's session is opened on the first photo; released with the model's.
  const faces = new FaceLocator(modelsDir);
  app.on('will-quit', () => void faces.dispose());
  // Before the window opens: a crashed session's autosave is set aside before anything new
  // could be autosaved over it.
  const recovery = await RecoveryStore.open({
    folder: path.join(app.getPath('userData'), 'recovery'),
    photos,
    appVersion: APP_VERSION,
    model: () => installedModel(modelsDir),
  });
  app.on('will-quit', () => recovery.closeSync());
  registerBackendHandlers(
    createBackendHandlers({
      appVersion: APP_VERSION,
      modelsDir,
      photos,
      choosePhotoFile: choosePhotoWithDialog,
      chooseProjectFile: chooseProjectWithDialog,
      chooseProjectSavePath: chooseProjectSavePathWithDialog,
      chooseExportPath: chooseExportPathWithDialog,
      recovery,
      synthesis,
      faces,
      settings,
      samplePhoto: paths.samplePhoto,
      openFileRequests,
      paths: pathGrants,
    }),
  );
  // File → Open Recent follows the recent files as they change.
  const rebuildMenu = () =>
    Menu.setApplicationMenu(
      buildAppMenu({
        recentFiles: settings.current().recentFiles,
        openRecent: (file) => openFileRequests.open(file),
        clearRecent: () => void settings.clearRecentFiles(),
      }),
    );
  rebuildMenu();
  settings.onChange(rebuildMenu);
  app.on('will-quit', () => void settings.flush());
  const launchedWith = fileToOpenFromArgs(process.argv, process.cwd());
  if (launchedWith !== null) openFileRequests.open(launchedWith);
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
  // macOS: a double-clicked project, also before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFileRequests.open(file);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = fileToOpenFromArgs(argv, workingDirectory);
    if (file !== null) openFileRequests.open(file);
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
