/**
 * The one place a BrowserWindow is created, so every window gets the same locked-down web
 * preferences. Nothing else in main may call `new BrowserWindow`.
 */
import { app, BrowserWindow } from 'electron';
import { TEST_HOOKS_SWITCH } from '../../shared/ipc/bridge';
import { APP_ENTRY_URL } from './app-origin';
import { guardUnsavedChanges } from './unsaved-changes-guard';

export interface MainWindowOptions {
  readonly preloadFile: string;
  readonly testHooks: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'FaceShop',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#1d1e22',
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // No DevTools in a packaged build: they would give anyone at the keyboard the backend.
      devTools: !app.isPackaged,
      additionalArguments: options.testHooks ? [TEST_HOOKS_SWITCH] : [],
    },
  });
  window.once('ready-to-show', () => window.show());
  guardUnsavedChanges(window);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
