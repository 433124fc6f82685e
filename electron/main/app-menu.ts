/**
 * The application menu. Commands that act on the document are run by the renderer, which owns
 * the editor state, so their menu items only send the command to the focused window. The items
 * themselves are built by app-menu-template.ts from the command catalog.
 */
import { app, BrowserWindow, Menu } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { sendAppEvent } from './app-events';
import { appMenuTemplate, operatingSystemOf, type AppMenuOptions } from './app-menu-template';

export type { AppMenuOptions } from './app-menu-template';

export function buildAppMenu(options: AppMenuOptions = {}): Menu {
  const send = (command: MenuCommand) => () => {
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (window) sendAppEvent(window, 'menuCommand', command);
  };
  const template = appMenuTemplate(
    {
      os: operatingSystemOf(process.platform),
      appName: app.name,
      isPackaged: app.isPackaged,
      send,
    },
    options,
  );
  return Menu.buildFromTemplate(template);
}
