/**
 * The application menu. Commands that act on the document are run by the renderer, which owns
 * the editor state, so their menu items only send the command to the focused window.
 */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { fileNameOf, type RecentFile } from '../../shared/settings/settings';
import { sendAppEvent } from './app-events';

/** What the menu shows beyond fixed items: the recent files and what choosing one does. */
export interface AppMenuOptions {
  readonly recentFiles?: readonly RecentFile[];
  readonly openRecent?: (path: string) => void;
  readonly clearRecent?: () => void;
}

/** File → Open Recent: newest first, numbered for the keyboard, then Clear. */
function recentFilesMenu(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const files = options.recentFiles ?? [];
  if (files.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return [
    ...files.map((file, index): MenuItemConstructorOptions => ({
      // `&` would mark an access key; a file name may contain one.
      label: `${index < 9 ? `&${index + 1} ` : ''}${fileNameOf(file.path).replaceAll('&', '&&')}`,
      toolTip: file.path,
      click: () => options.openRecent?.(file.path),
    })),
    { type: 'separator' },
    { label: '&Clear Recent', click: () => options.clearRecent?.() },
  ];
}

export function buildAppMenu(options: AppMenuOptions = {}): Menu {
  const send = (command: MenuCommand) => () => {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (window) sendAppEvent(window, 'menuCommand', command);
  };
  const isMac = process.platform === 'darwin';
  // Preferences: the app menu on macOS, Edit on Windows and Linux (each platform's convention).
  const preferences: MenuItemConstructorOptions = {
    label: isMac ? 'Settings…' : 'Prefere&nces…',
    accelerator: 'CmdOrCtrl+,',
    registerAccelerator: false,
    click: send('app.preferences'),
  };
  const about: MenuItemConstructorOptions = {
    label: 'About FaceShop',
    click: send('help.about'),
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              about,
              { type: 'separator' as const },
              preferences,
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        {
          label: '&Open Photo…',
          accelerator: 'CmdOrCtrl+O',
          // The page binds the shortcut itself (the browser host has no menu); the menu only
          // shows it, so one key press does not open two dialogs.
          registerAccelerator: false,
          click: send('file.open'),
        },
        {
          label: 'Open &Project…',
          accelerator: 'CmdOrCtrl+Shift+O',
          registerAccelerator: false,
          click: send('file.openProject'),
        },
        { label: 'Open &Recent', submenu: recentFilesMenu(options) },
        { type: 'separator' },
        {
          label: '&Save',
          accelerator: 'CmdOrCtrl+S',
          registerAccelerator: false,
          click: send('file.save'),
        },
        {
          label: 'Save &As…',
          accelerator: 'CmdOrCtrl+Shift+S',
          registerAccelerator: false,
          click: send('file.saveAs'),
        },
        { type: 'separator' },
        {
          label: '&Export…',
          accelerator: 'CmdOrCtrl+Shift+E',
          registerAccelerator: false,
          click: send('file.export'),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // The canvas's history, not the page's: role 'undo' only undoes typing in a text field.
        // The page binds the keys (also for text fields), so the menu only shows them.
        {
          label: '&Undo',
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: send('edit.undo'),
        },
        {
          label: '&Redo',
          // Windows says Ctrl+Y; macOS and Linux desktops say Shift with the undo key.
          accelerator: process.platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z',
          registerAccelerator: false,
          click: send('edit.redo'),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        ...(isMac ? [] : [{ type: 'separator' as const }, preferences]),
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Zoom &In',
          accelerator: 'CmdOrCtrl+=',
          registerAccelerator: false,
          click: send('view.zoomIn'),
        },
        {
          label: 'Zoom &Out',
          accelerator: 'CmdOrCtrl+-',
          registerAccelerator: false,
          click: send('view.zoomOut'),
        },
        {
          label: '&Fit on Screen',
          accelerator: 'CmdOrCtrl+0',
          registerAccelerator: false,
          click: send('view.fit'),
        },
        {
          label: '&Actual Pixels',
          accelerator: 'CmdOrCtrl+1',
          registerAccelerator: false,
          click: send('view.actualPixels'),
        },
        { type: 'separator' },
        ...(app.isPackaged
          ? []
          : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: '&Keyboard Shortcuts',
          accelerator: 'CmdOrCtrl+/',
          registerAccelerator: false,
          click: send('help.shortcuts'),
        },
        ...(isMac ? [] : [{ type: 'separator' as const }, about]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
