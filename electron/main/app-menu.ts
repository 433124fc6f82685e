/**
 * The application menu. Commands that act on the document are run by the renderer, which owns
 * the editor state, so their menu items only send the command to the focused window.
 */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { sendAppEvent } from './app-events';

export function buildAppMenu(): Menu {
  const send = (command: MenuCommand) => () => {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (window) sendAppEvent(window, 'menuCommand', command);
  };
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
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
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(app.isPackaged
          ? []
          : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'About FaceShop', click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
