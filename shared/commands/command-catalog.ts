/**
 * The app's named commands as data: what the native menu shows (label with its access key,
 * accelerator) and which key runs each one. The menu (electron/main/app-menu-template.ts), the
 * workspace's commands (renderer/workspace/commands) and the shortcut sheet read their labels and
 * keys from here, so a label or a key is written once. What a command does is not here: the
 * renderer owns the document, so main only sends the id (MenuCommandSchema takes its ids from
 * this list).
 *
 * Keys are written in key-chord syntax (shared/commands/key-chord.ts); the menu turns them into
 * Electron accelerators with formatAccelerator.
 */

/** The desktop conventions a shortcut may differ by. */
export type OperatingSystem = 'mac' | 'windows' | 'linux';

/** One shortcut for every platform, or one per platform with a default for the rest. */
export type PlatformKeys =
  | string
  | {
      readonly default: string;
      readonly mac?: string;
      readonly windows?: string;
      readonly linux?: string;
    };

/**
 * Who binds the key. Always the page, never the menu: the browser host has no menu, and a key
 * bound by both would run its command twice. `workspace`: the workspace's key handler
 * (renderer/app/use-workspace-keys.ts) matches it, anywhere, text fields included. `editor`: the
 * editor's keymap (renderer/editor/shortcuts/default-keymap.ts) binds it, possibly with more keys
 * than the one the menu shows (Ctrl+Y and Mod+Shift+Z both redo everywhere); a unit test checks
 * that the keymap runs the same command on this key.
 */
export type KeyOwner = 'workspace' | 'editor';

export interface CatalogCommand {
  readonly id: string;
  /** The menu label; `&` marks the access key (Windows, Linux), `&&` is a literal ampersand. */
  readonly label: string;
  /** Where macOS says it differently (Settings… rather than Preferences…). */
  readonly macLabel?: string;
  readonly shortcut?: { readonly keys: PlatformKeys; readonly boundBy: KeyOwner };
}

export const COMMAND_CATALOG = [
  {
    id: 'file.open',
    label: '&Open Photo…',
    shortcut: { keys: 'Mod+O', boundBy: 'workspace' },
  },
  {
    id: 'file.openProject',
    label: 'Open &Project…',
    shortcut: { keys: 'Mod+Shift+O', boundBy: 'workspace' },
  },
  { id: 'file.save', label: '&Save', shortcut: { keys: 'Mod+S', boundBy: 'workspace' } },
  {
    id: 'file.saveAs',
    label: 'Save &As…',
    shortcut: { keys: 'Mod+Shift+S', boundBy: 'workspace' },
  },
  {
    id: 'file.export',
    label: '&Export…',
    shortcut: { keys: 'Mod+Shift+E', boundBy: 'workspace' },
  },
  // The canvas's history, not a text field's (the menu's role 'undo' would undo typing only).
  { id: 'edit.undo', label: '&Undo', shortcut: { keys: 'Mod+Z', boundBy: 'editor' } },
  {
    id: 'edit.redo',
    label: '&Redo',
    // Windows says Ctrl+Y; macOS and Linux desktops say Shift with the undo key.
    shortcut: { keys: { default: 'Mod+Shift+Z', windows: 'Ctrl+Y' }, boundBy: 'editor' },
  },
  { id: 'view.zoomIn', label: 'Zoom &In', shortcut: { keys: 'Mod+=', boundBy: 'editor' } },
  { id: 'view.zoomOut', label: 'Zoom &Out', shortcut: { keys: 'Mod+-', boundBy: 'editor' } },
  // "Fit to screen", as the toolbar button and the shortcut sheet name it.
  { id: 'view.fit', label: '&Fit to Screen', shortcut: { keys: 'Mod+0', boundBy: 'editor' } },
  {
    id: 'view.actualPixels',
    label: '&Actual Pixels',
    shortcut: { keys: 'Mod+1', boundBy: 'editor' },
  },
  {
    id: 'app.preferences',
    label: 'Prefere&nces…',
    macLabel: 'Settings…',
    shortcut: { keys: 'Mod+,', boundBy: 'workspace' },
  },
  {
    id: 'help.shortcuts',
    label: '&Keyboard Shortcuts',
    shortcut: { keys: 'Mod+/', boundBy: 'workspace' },
  },
  { id: 'help.about', label: 'About FaceShop' },
] as const satisfies readonly CatalogCommand[];

export type CommandId = (typeof COMMAND_CATALOG)[number]['id'];

/** Every id, in catalog order (MenuCommandSchema's values). */
export const COMMAND_IDS = COMMAND_CATALOG.map((command) => command.id) as [
  CommandId,
  ...CommandId[],
];

const BY_ID: ReadonlyMap<string, CatalogCommand> = new Map(
  COMMAND_CATALOG.map((command): [string, CatalogCommand] => [command.id, command]),
);

export function catalogCommand(id: CommandId): CatalogCommand {
  const command = BY_ID.get(id);
  if (!command) throw new Error(`"${id}" is not in the command catalog`);
  return command;
}

/** The key the menu shows for a command on an OS, or undefined where it has none. */
export function shortcutOn(command: CatalogCommand, os: OperatingSystem): string | undefined {
  const keys = command.shortcut?.keys;
  if (keys === undefined || typeof keys === 'string') return keys;
  return keys[os] ?? keys.default;
}

/** The menu label on an OS, access key marks included. */
export function menuLabelOn(command: CatalogCommand, os: OperatingSystem): string {
  return os === 'mac' ? (command.macLabel ?? command.label) : command.label;
}

/** A menu label as plain text: "Save &As…" → "Save As…", "R&&D" → "R&D". */
export function withoutAccessKey(label: string): string {
  return label.replace(/&(&?)/g, '$1');
}
