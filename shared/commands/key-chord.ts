/**
 * Keyboard shortcuts as text ("Mod+Shift+Z", "[", "Shift+B") and key presses as chords that can
 * be compared. `Mod` is Cmd on macOS and Ctrl elsewhere. The one parser for the editor's keymap,
 * the workspace's keys, the shortcut sheet and the native menu's accelerators, so a shortcut
 * means the same key wherever it is written (it lives in shared/ because main builds the menu).
 *
 * Shift counts only for letters and named keys. On symbols and digits the layout already folds
 * Shift into the character ("=" becomes "+", "[" becomes "{"), so a chord ignores it there:
 * "Mod+Plus" matches Ctrl and the "+" character however it was typed, and a binding such as
 * "Shift+[" is refused as the same chord as "[" rather than silently never firing.
 */

export type Platform = 'mac' | 'other';

/** The fields of a KeyboardEvent the editor reads (no DOM type, so it runs anywhere). */
export interface KeyInput {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly repeat?: boolean;
}

export interface KeyChord {
  /** Lower-case character, or lower-case key name ("escape", "arrowleft"); " " is space. */
  readonly key: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** A modifier as written: `mod` is Cmd on macOS and Ctrl elsewhere; `meta` is Cmd / the Windows key. */
export type Modifier = 'mod' | 'ctrl' | 'meta' | 'alt' | 'shift';

/** A shortcut's text taken apart, before it is resolved for a platform. */
export interface ShortcutParts {
  /** Each at most once, in the order Ctrl, Mod, Meta, Alt, Shift. */
  readonly modifiers: readonly Modifier[];
  /** A lower-case character, or a key name from NAMED_KEYS ("plus", "left", "space"). */
  readonly key: string;
  /** Shift that the layout folds into a symbol or digit: the chord ignores it. */
  readonly foldedShift: boolean;
}

/** Key names a shortcut may use, and the KeyboardEvent.key (lower-cased) each one means. */
const NAMED_KEYS: Readonly<Record<string, string>> = {
  plus: '+',
  minus: '-',
  space: ' ',
  esc: 'escape',
  escape: 'escape',
  enter: 'enter',
  tab: 'tab',
  backspace: 'backspace',
  delete: 'delete',
  left: 'arrowleft',
  right: 'arrowright',
  up: 'arrowup',
  down: 'arrowdown',
};

const MODIFIER_NAMES: Readonly<Record<string, Modifier>> = {
  mod: 'mod',
  ctrl: 'ctrl',
  cmd: 'meta',
  meta: 'meta',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
};

const MODIFIER_ORDER: readonly Modifier[] = ['ctrl', 'mod', 'meta', 'alt', 'shift'];

export class InvalidShortcutError extends Error {}

/** Takes a shortcut's text apart; refuses unknown modifiers and keys. */
export function splitShortcut(text: string): ShortcutParts {
  const parts = text.split('+');
  // "Mod++" would split into an empty part; the "Plus" name exists for that.
  if (parts.some((part) => part.length === 0)) {
    throw new InvalidShortcutError(`"${text}" has an empty part; write "Plus" for the + key`);
  }
  const keyPart = parts.at(-1) as string;
  const modifiers = new Set<Modifier>();
  for (const written of parts.slice(0, -1)) {
    const modifier = MODIFIER_NAMES[written.toLowerCase()];
    if (modifier === undefined) {
      throw new InvalidShortcutError(`"${text}": unknown modifier "${written}"`);
    }
    if (modifiers.has(modifier)) {
      throw new InvalidShortcutError(`"${text}": "${written}" is written twice`);
    }
    modifiers.add(modifier);
  }
  const key = keyPart.toLowerCase();
  const character = key.length === 1 ? key : NAMED_KEYS[key];
  if (character === undefined)
    throw new InvalidShortcutError(`"${text}": unknown key "${keyPart}"`);
  return {
    modifiers: MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier)),
    key,
    foldedShift: modifiers.has('shift') && isShiftFolded(character),
  };
}

/** The chord a shortcut means on a platform. */
export function parseShortcut(text: string, platform: Platform): KeyChord {
  const { modifiers, key } = splitShortcut(text);
  const has = (modifier: Modifier) => modifiers.includes(modifier);
  return withShiftRule({
    key: key.length === 1 ? key : (NAMED_KEYS[key] as string),
    ctrl: has('ctrl') || (has('mod') && platform !== 'mac'),
    meta: has('meta') || (has('mod') && platform === 'mac'),
    alt: has('alt'),
    shift: has('shift'),
  });
}

/** Electron's names for the named keys (electronjs.org/docs/latest/api/accelerator). */
export const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  plus: 'Plus',
  minus: '-',
  space: 'Space',
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  left: 'Left',
  right: 'Right',
  up: 'Up',
  down: 'Down',
};

const ACCELERATOR_MODIFIERS: Readonly<Record<Modifier, string>> = {
  mod: 'CmdOrCtrl',
  ctrl: 'Ctrl',
  // Electron's Super is Cmd on macOS and the Windows key elsewhere, as KeyboardEvent.metaKey.
  meta: 'Super',
  alt: 'Alt',
  shift: 'Shift',
};

/**
 * The shortcut as an Electron accelerator: "Mod+Shift+Z" → "CmdOrCtrl+Shift+Z", "Mod+Plus" →
 * "CmdOrCtrl+Plus". A Shift the chord ignores (on a symbol or digit) is left out, so the menu
 * shows the key that actually triggers the command.
 */
export function formatAccelerator(text: string): string {
  const { modifiers, key, foldedShift } = splitShortcut(text);
  const shown = modifiers.filter((modifier) => !(modifier === 'shift' && foldedShift));
  const keyName = key.length === 1 ? key.toUpperCase() : (ACCELERATOR_KEYS[key] as string);
  return [...shown.map((modifier) => ACCELERATOR_MODIFIERS[modifier]), keyName].join('+');
}

export function chordOfInput(input: KeyInput): KeyChord {
  return withShiftRule({
    key: input.key.toLowerCase(),
    ctrl: input.ctrlKey === true,
    meta: input.metaKey === true,
    alt: input.altKey === true,
    shift: input.shiftKey === true,
  });
}

/** A string equal for equal chords. */
export function chordId(chord: KeyChord): string {
  const modifiers = [
    chord.ctrl ? 'ctrl' : '',
    chord.meta ? 'meta' : '',
    chord.alt ? 'alt' : '',
    chord.shift ? 'shift' : '',
  ].filter(Boolean);
  return [...modifiers, chord.key === ' ' ? 'space' : chord.key].join('+');
}

export function hasModifier(chord: KeyChord): boolean {
  return chord.ctrl || chord.meta || chord.alt;
}

function isShiftFolded(key: string): boolean {
  return key.length === 1 && !/[a-z]/.test(key) && key !== ' ';
}

function withShiftRule(chord: KeyChord): KeyChord {
  return isShiftFolded(chord.key) ? { ...chord, shift: false } : chord;
}
