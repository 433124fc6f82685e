/** Shortcuts as tooltips show them on this platform: "Mask brush (B)", "Undo (Ctrl+Z)". */
import { describeShortcut } from '../workspace/commands/shortcut';
import { catalogCommand, shortcutOn, type CommandId } from '../../shared/commands/command-catalog';
import { isMac } from './platform';

export function withShortcut(label: string, shortcuts: readonly string[]): string {
  if (shortcuts.length === 0) return label;
  return `${label} (${shortcuts.map((keys) => describeShortcut(keys, isMac)).join(', ')})`;
}

/** The key the command catalog gives a command on this platform (the menu's own), or none. */
export function catalogShortcut(id: CommandId): string[] {
  const os = isMac
    ? 'mac'
    : /Win/.test(navigator.platform || navigator.userAgent)
      ? 'windows'
      : 'linux';
  const keys = shortcutOn(catalogCommand(id), os);
  return keys === undefined ? [] : [keys];
}
