/**
 * Keyboard shortcuts written as "Mod+O", "Mod+Shift+Z": "Mod" is Cmd on macOS and Ctrl
 * elsewhere, the last part is the key. Kept as strings so commands can declare them as data,
 * and read by the one key-chord parser (shared/commands/key-chord.ts), so a workspace shortcut,
 * an editor binding and a menu accelerator mean the same thing by the same text.
 */
import {
  ACCELERATOR_KEYS,
  chordId,
  chordOfInput,
  parseShortcut,
  splitShortcut,
  type Modifier,
} from '../../../shared/commands/key-chord';

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

/** Windows and Linux: words joined by "+", Ctrl first ("Ctrl+Shift+Z"). */
const OTHER_MODIFIERS: Readonly<Record<Modifier, string>> = {
  ctrl: 'Ctrl',
  mod: 'Ctrl',
  meta: 'Meta',
  alt: 'Alt',
  shift: 'Shift',
};
/** Named keys as a person reads them: Electron's names, with "Esc" for Escape. */
const OTHER_KEYS: Readonly<Record<string, string>> = {
  ...ACCELERATOR_KEYS,
  esc: 'Esc',
  escape: 'Esc',
};

/** macOS: symbols in the menu bar's order ⌃⌥⇧⌘, then the key, nothing between ("⇧⌘Z"). */
const MAC_MODIFIER_ORDER: readonly Modifier[] = ['ctrl', 'alt', 'shift', 'mod', 'meta'];
const MAC_MODIFIERS: Readonly<Record<Modifier, string>> = {
  ctrl: '⌃',
  alt: '⌥',
  shift: '⇧',
  mod: '⌘',
  meta: '⌘',
};
const MAC_KEYS: Readonly<Record<string, string>> = {
  ...OTHER_KEYS,
  plus: '+',
  esc: '⎋',
  escape: '⎋',
  enter: '↩',
  tab: '⇥',
  backspace: '⌫',
  delete: '⌦',
  left: '←',
  right: '→',
  up: '↑',
  down: '↓',
};

/** How a shortcut is shown in menus, tooltips and the shortcut sheet on this platform. */
export function describeShortcut(shortcut: string, isMac: boolean): string {
  const { modifiers, key } = splitShortcut(shortcut);
  const keyName =
    key.length === 1 ? key.toUpperCase() : ((isMac ? MAC_KEYS : OTHER_KEYS)[key] ?? key);
  // Mod is also Ctrl (elsewhere) or ⌘ (macOS); a Set shows each once.
  if (!isMac) {
    return [...new Set(modifiers.map((modifier) => OTHER_MODIFIERS[modifier])), keyName].join('+');
  }
  const symbols = MAC_MODIFIER_ORDER.filter((modifier) => modifiers.includes(modifier)).map(
    (modifier) => MAC_MODIFIERS[modifier],
  );
  return [...new Set(symbols), keyName].join('');
}
