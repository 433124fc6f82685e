/**
 * The command catalog is the one place the menu's labels and every command's keys are written.
 * These tests hold its readers to it: the native menu (built for each OS), the workspace's
 * commands, the editor's keymap and the shortcut sheet.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  appMenuTemplate,
  operatingSystemOf,
  type AppMenuEnvironment,
} from '../../../electron/main/app-menu-template';
import { shortcutSheet } from '../../../renderer/app/shortcut-sheet';
import type { KeyTarget } from '../../../renderer/editor/shortcuts/default-keymap';
import { createDefaultKeymap } from '../../../renderer/editor/shortcuts/default-keymap';
import { workspaceCommands } from '../../../renderer/workspace/commands';
import { describeShortcut } from '../../../renderer/workspace/commands/shortcut';
import {
  COMMAND_CATALOG,
  COMMAND_IDS,
  menuLabelOn,
  shortcutOn,
  withoutAccessKey,
  type CatalogCommand,
  type OperatingSystem,
} from '../../../shared/commands/command-catalog';
import {
  formatAccelerator,
  parseShortcut,
  type KeyInput,
  type Platform,
} from '../../../shared/commands/key-chord';
import { MenuCommandSchema, type MenuCommand } from '../../../shared/ipc/contract';

const SYSTEMS: readonly OperatingSystem[] = ['mac', 'windows', 'linux'];
const platformOf = (os: OperatingSystem): Platform => (os === 'mac' ? 'mac' : 'other');
const withShortcuts = COMMAND_CATALOG.filter(
  (command): command is typeof command & Required<Pick<CatalogCommand, 'shortcut'>> =>
    'shortcut' in command,
);

/** Electron's accelerator grammar (electronjs.org/docs/latest/api/accelerator), the parts used. */
const ELECTRON_MODIFIERS = new Set([
  'Command',
  'Cmd',
  'Control',
  'Ctrl',
  'CommandOrControl',
  'CmdOrCtrl',
  'Alt',
  'Option',
  'AltGr',
  'Shift',
  'Super',
  'Meta',
]);
const ELECTRON_KEY =
  /^([0-9A-Z]|F([1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;+=<,_\->.?/~`{}[\]|\\"]|Plus|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc)$/;

function isElectronAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = parts.at(-1) ?? '';
  return parts.slice(0, -1).every((part) => ELECTRON_MODIFIERS.has(part)) && ELECTRON_KEY.test(key);
}

describe('the command catalog', () => {
  it('gives the menu its ids: MenuCommandSchema is the catalog’s id list', () => {
    expect(MenuCommandSchema.options).toEqual(COMMAND_IDS);
    expect(new Set(COMMAND_IDS).size).toBe(COMMAND_IDS.length);
  });

  it.each(SYSTEMS)('has shortcuts that parse and make Electron accelerators (%s)', (os) => {
    for (const command of withShortcuts) {
      const keys = shortcutOn(command, os);
      expect(keys, command.id).toBeDefined();
      expect(() => parseShortcut(keys as string, platformOf(os)), command.id).not.toThrow();
      expect(isElectronAccelerator(formatAccelerator(keys as string)), command.id).toBe(true);
    }
  });

  it('has no key twice on one OS', () => {
    for (const os of SYSTEMS) {
      const chords = withShortcuts.map((command) =>
        JSON.stringify(parseShortcut(shortcutOn(command, os) as string, platformOf(os))),
      );
      expect(new Set(chords).size, os).toBe(chords.length);
    }
  });

  it('marks one access key per label, not two', () => {
    for (const command of COMMAND_CATALOG) {
      const marks = command.label.replaceAll('&&', '').match(/&/g) ?? [];
      expect(marks.length, command.id).toBeLessThanOrEqual(1);
    }
    expect(withoutAccessKey('Save &As…')).toBe('Save As…');
    expect(withoutAccessKey('R&&D')).toBe('R&D');
  });
});

/** Every item of a template, depth first, with the labels of the menus it sits in. */
function* menuItems(
  items: readonly MenuItemConstructorOptions[],
  path: readonly string[] = [],
): Generator<{ item: MenuItemConstructorOptions; path: readonly string[] }> {
  for (const item of items) {
    yield { item, path };
    if (Array.isArray(item.submenu)) {
      yield* menuItems(item.submenu, [...path, item.label ?? item.role ?? '']);
    }
  }
}

function builtMenu(os: OperatingSystem) {
  const sent: MenuCommand[] = [];
  const environment: AppMenuEnvironment = {
    os,
    appName: 'FaceShop',
    isPackaged: false,
    send: (id) => () => void sent.push(id),
  };
  const template = appMenuTemplate(environment, {
    recentFiles: [{ path: '/photos/a & b.jpg', kind: 'photo', openedAt: '2024-01-01T00:00:00Z' }],
    openRecent: () => {},
  });
  const commandItems = [...menuItems(template)]
    // Open Recent lists files, not commands.
    .filter(({ path }) => !path.includes('Open &Recent'))
    .filter(({ item }) => item.click !== undefined)
    .map(({ item }) => {
      sent.length = 0;
      (item.click as () => void)();
      return { item, id: sent.at(0) };
    });
  return { template, commandItems };
}

describe.each(SYSTEMS)('the native menu on %s', (os) => {
  const { template, commandItems } = builtMenu(os);

  it('builds every command item from the catalog: label, accelerator, id', () => {
    for (const { item, id } of commandItems) {
      expect(id, item.label).toBeDefined();
      const command = COMMAND_CATALOG.find((entry) => entry.id === id) as CatalogCommand;
      const keys = shortcutOn(command, os);
      expect(item.label, id).toBe(menuLabelOn(command, os));
      expect(item.accelerator, id).toBe(keys === undefined ? undefined : formatAccelerator(keys));
      // The page binds the key; registered by the menu too, one press would run it twice.
      if (keys !== undefined) expect(item.registerAccelerator, id).toBe(false);
    }
  });

  it('shows every catalog command exactly once', () => {
    expect(commandItems.map(({ id }) => id).sort()).toEqual([...COMMAND_IDS].sort());
  });

  it('has no accelerator outside the catalog’s items', () => {
    const fromCatalog = new Set(commandItems.map(({ item }) => item));
    for (const { item } of menuItems(template)) {
      if (!fromCatalog.has(item)) expect(item.accelerator, item.label).toBeUndefined();
    }
  });
});

describe('the native menu keeps its labels and keys', () => {
  // As the hand-written menu had them; View → Fit now says "Fit to Screen", as the toolbar and
  // the shortcut sheet do.
  const expected = (os: OperatingSystem): Record<string, [string, string | undefined]> => ({
    'file.open': ['&Open Photo…', 'CmdOrCtrl+O'],
    'file.openProject': ['Open &Project…', 'CmdOrCtrl+Shift+O'],
    'file.save': ['&Save', 'CmdOrCtrl+S'],
    'file.saveAs': ['Save &As…', 'CmdOrCtrl+Shift+S'],
    'file.export': ['&Export…', 'CmdOrCtrl+Shift+E'],
    'edit.undo': ['&Undo', 'CmdOrCtrl+Z'],
    'edit.redo': ['&Redo', os === 'windows' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z'],
    'view.zoomIn': ['Zoom &In', 'CmdOrCtrl+='],
    'view.zoomOut': ['Zoom &Out', 'CmdOrCtrl+-'],
    'view.fit': ['&Fit to Screen', 'CmdOrCtrl+0'],
    'view.actualPixels': ['&Actual Pixels', 'CmdOrCtrl+1'],
    'app.preferences': [os === 'mac' ? 'Settings…' : 'Prefere&nces…', 'CmdOrCtrl+,'],
    'help.shortcuts': ['&Keyboard Shortcuts', 'CmdOrCtrl+/'],
    'help.about': ['About FaceShop', undefined],
  });

  it.each(SYSTEMS)('%s', (os) => {
    const shown = Object.fromEntries(
      builtMenu(os).commandItems.map(({ item, id }) => [id, [item.label, item.accelerator]]),
    );
    expect(shown).toEqual(expected(os));
  });

  it('puts Preferences and About in the app menu on macOS only', () => {
    const top = (os: OperatingSystem) =>
      appMenuTemplate({ os, appName: 'FaceShop', isPackaged: true, send: () => () => {} }).map(
        (item) => item.label ?? item.role,
      );
    expect(top('mac')).toEqual(['FaceShop', '&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(top('windows')).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
  });

  it('lists recent files in File → Open Recent, an & in a name shown as itself', () => {
    const file = builtMenu('windows').template.find((item) => item.label === '&File');
    const submenu = file?.submenu as MenuItemConstructorOptions[];
    const recent = submenu.find((item) => item.label === 'Open &Recent')?.submenu;
    expect((recent as MenuItemConstructorOptions[]).map((item) => item.label)).toEqual([
      '&1 a && b.jpg',
      undefined,
      '&Clear Recent',
    ]);
  });

  it('knows the OS from process.platform', () => {
    expect(['darwin', 'win32', 'linux'].map(operatingSystemOf)).toEqual([
      'mac',
      'windows',
      'linux',
    ]);
  });
});

describe('the workspace commands', () => {
  it('take id, label and workspace keys from the catalog', () => {
    expect([...workspaceCommands.keys()].sort()).toEqual([...COMMAND_IDS].sort());
    for (const command of COMMAND_CATALOG) {
      const workspace = workspaceCommands.get(command.id);
      expect(workspace?.label, command.id).toBe(withoutAccessKey(command.label));
      const bound = 'shortcut' in command && command.shortcut.boundBy === 'workspace';
      expect(workspace?.shortcut, command.id).toBe(
        bound ? shortcutOn(command, 'windows') : undefined,
      );
    }
  });
});

/** The key press a shortcut means on a platform. */
function pressOf(keys: string, platform: Platform): KeyInput {
  const chord = parseShortcut(keys, platform);
  return {
    key: chord.key,
    ctrlKey: chord.ctrl,
    metaKey: chord.meta,
    altKey: chord.alt,
    shiftKey: chord.shift,
  };
}

/** What a key does in the editor's keymap: the command it runs and with what. */
function editorActionOf(keys: string, platform: Platform): string | undefined {
  const binding = createDefaultKeymap(platform).match(pressOf(keys, platform));
  if (!binding || binding.action.kind !== 'press') return binding?.commandId;
  let ran = '';
  const target: KeyTarget = {
    run: (command, args) => {
      const factor = (args as { factor?: number } | undefined)?.factor;
      ran = factor === undefined ? command.id : `${command.id} ${factor > 1 ? 'in' : 'out'}`;
      return { status: 'unchanged' };
    },
    runHistory: (command) => ((ran = command.id), true),
    holdPan: () => {},
  };
  binding.action.invoke(target);
  return ran;
}

describe('the editor’s keymap', () => {
  // The editor's own command for each catalog command whose key it binds.
  const EDITOR_COMMAND: Record<string, string> = {
    'edit.undo': 'undo',
    'edit.redo': 'redo',
    'view.zoomIn': 'zoom-view in',
    'view.zoomOut': 'zoom-view out',
    'view.fit': 'fit-to-screen',
    'view.actualPixels': 'actual-pixels',
  };

  it.each(SYSTEMS)('runs the same command on each key the menu shows (%s)', (os) => {
    const editorKeys = withShortcuts.filter((command) => command.shortcut.boundBy === 'editor');
    expect(editorKeys.map((command) => command.id).sort()).toEqual(
      Object.keys(EDITOR_COMMAND).sort(),
    );
    for (const command of editorKeys) {
      const keys = shortcutOn(command, os) as string;
      expect(editorActionOf(keys, platformOf(os)), `${command.id} ${keys}`).toBe(
        EDITOR_COMMAND[command.id],
      );
    }
  });

  it.each(SYSTEMS)('leaves the workspace’s keys alone (%s)', (os) => {
    for (const command of withShortcuts.filter((c) => c.shortcut.boundBy === 'workspace')) {
      const keys = shortcutOn(command, os) as string;
      expect(editorActionOf(keys, platformOf(os)), `${command.id} ${keys}`).toBeUndefined();
    }
  });
});

describe('the shortcut sheet', () => {
  it.each(SYSTEMS)('lists each catalog key under the command’s name (%s)', (os) => {
    const isMac = os === 'mac';
    const rows = shortcutSheet(workspaceCommands.values(), isMac).flatMap((group) => group.rows);
    for (const command of withShortcuts) {
      const shown = describeShortcut(shortcutOn(command, os) as string, isMac);
      const row = rows.find((candidate) => candidate.keys.includes(shown));
      expect(row, `${command.id} ${shown}`).toBeDefined();
      // The sheet writes sentence case ("Zoom in"), the menu title case ("Zoom In").
      const name = withoutAccessKey(command.label).replace(/…$/, '').toLowerCase();
      expect(row?.label.toLowerCase(), command.id).toBe(name);
    }
  });
});
