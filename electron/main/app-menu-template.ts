/**
 * The application menu as a template, without Electron's runtime (only its types), so unit
 * tests build it for every platform. The items that run a command come from the command catalog
 * (shared/commands/command-catalog.ts): label, accelerator and id. The page binds every one of
 * those keys (the browser host has no menu), so the menu only shows them
 * (`registerAccelerator: false`) and one key press runs a command once. Built-in roles (cut,
 * copy, paste, services, quit…) and File → Open Recent stay here.
 */
import type { MenuItemConstructorOptions } from 'electron';
import {
  catalogCommand,
  menuLabelOn,
  shortcutOn,
  type OperatingSystem,
} from '../../shared/commands/command-catalog';
import { formatAccelerator } from '../../shared/commands/key-chord';
import type { MenuCommand } from '../../shared/ipc/contract';
import { fileNameOf, type RecentFile } from '../../shared/settings/settings';

/** What the menu shows beyond fixed items: the recent files and what choosing one does. */
export interface AppMenuOptions {
  readonly recentFiles?: readonly RecentFile[];
  readonly openRecent?: (path: string) => void;
  readonly clearRecent?: () => void;
}

/** Where the menu runs and how an item reaches the page. */
export interface AppMenuEnvironment {
  readonly os: OperatingSystem;
  readonly appName: string;
  /** A packaged app has no Reload or developer tools. */
  readonly isPackaged: boolean;
  /** The click handler that sends a command to the focused window. */
  readonly send: (command: MenuCommand) => () => void;
}

export function operatingSystemOf(platform: string): OperatingSystem {
  if (platform === 'darwin') return 'mac';
  return platform === 'win32' ? 'windows' : 'linux';
}

/** A menu item for a catalog command, as this OS labels it and with the key the page binds. */
export function commandMenuItem(
  id: MenuCommand,
  environment: AppMenuEnvironment,
): MenuItemConstructorOptions {
  const command = catalogCommand(id);
  const keys = shortcutOn(command, environment.os);
  return {
    label: menuLabelOn(command, environment.os),
    ...(keys === undefined
      ? {}
      : { accelerator: formatAccelerator(keys), registerAccelerator: false }),
    click: environment.send(id),
  };
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

export function appMenuTemplate(
  environment: AppMenuEnvironment,
  options: AppMenuOptions = {},
): MenuItemConstructorOptions[] {
  const item = (id: MenuCommand) => commandMenuItem(id, environment);
  const separator = { type: 'separator' as const };
  const isMac = environment.os === 'mac';
  // Preferences and About: the app menu on macOS, Edit and Help on Windows and Linux (each
  // platform's convention).
  return [
    ...(isMac
      ? [
          {
            label: environment.appName,
            submenu: [
              item('help.about'),
              separator,
              item('app.preferences'),
              separator,
              { role: 'services' as const },
              separator,
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              separator,
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        item('file.open'),
        item('file.openProject'),
        { label: 'Open &Recent', submenu: recentFilesMenu(options) },
        separator,
        item('file.save'),
        item('file.saveAs'),
        separator,
        item('file.export'),
        separator,
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('edit.undo'),
        item('edit.redo'),
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        ...(isMac ? [] : [separator, item('app.preferences')]),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('view.zoomIn'),
        item('view.zoomOut'),
        item('view.fit'),
        item('view.actualPixels'),
        separator,
        ...(environment.isPackaged
          ? []
          : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [item('help.shortcuts'), ...(isMac ? [] : [separator, item('help.about')])],
    },
  ];
}
