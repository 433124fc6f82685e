/**
 * Keyboard shortcuts written as "Mod+O", "Shift+Mod+Z": "Mod" is Cmd on macOS and Ctrl
 * elsewhere, the last part is the key. Kept as strings so commands can declare them as data,
 * and read by the editor's one key-chord parser (renderer/editor/shortcuts/key-chord.ts), so a
 * workspace shortcut and an editor binding mean the same thing by the same text.
 */
import { chordId, chordOfInput, parseShortcut } from '../../editor/shortcuts/key-chord';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export function matchesShortcut(shortcut: string, press: KeyPress, isMac: boolean): boolean {
  const platform = isMac ? 'mac' : 'other';
  return chordId(parseShortcut(shortcut, platform)) === chordId(chordOfInput(press));
}

/** How a shortcut is shown in menus and tooltips on this platform. */
export function describeShortcut(shortcut: string, isMac: boolean): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : part))
    .join(isMac ? '' : '+');
}
