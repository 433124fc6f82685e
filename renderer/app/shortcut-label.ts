/** Shortcuts as tooltips show them on this platform: "Mask brush (B)", "Undo (Ctrl+Z)". */
import { describeShortcut } from '../workspace/commands/shortcut';
import { isMac } from './platform';

export function withShortcut(label: string, shortcuts: readonly string[]): string {
  if (shortcuts.length === 0) return label;
  return `${label} (${shortcuts.map((keys) => describeShortcut(keys, isMac)).join(', ')})`;
}
