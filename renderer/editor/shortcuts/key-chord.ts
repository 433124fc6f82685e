/**
 * Keyboard shortcuts as text ("Mod+Shift+Z", "[", "Shift+B") and key presses as chords that can
 * be compared. `Mod` is Cmd on macOS and Ctrl elsewhere.
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

export class InvalidShortcutError extends Error {}

export function parseShortcut(text: string, platform: Platform): KeyChord {
  const parts = text.split('+');
  // "Mod++" would split into an empty part; the "Plus" name exists for that.
  if (parts.some((part) => part.length === 0)) {
    throw new InvalidShortcutError(`"${text}" has an empty part; write "Plus" for the + key`);
  }
  const keyPart = parts.at(-1) as string;
  const chord = { ctrl: false, meta: false, alt: false, shift: false };
  for (const modifier of parts.slice(0, -1)) {
    switch (modifier.toLowerCase()) {
      case 'mod':
        if (platform === 'mac') chord.meta = true;
        else chord.ctrl = true;
        break;
      case 'ctrl':
        chord.ctrl = true;
        break;
      case 'cmd':
      case 'meta':
        chord.meta = true;
        break;
      case 'alt':
      case 'option':
        chord.alt = true;
        break;
      case 'shift':
        chord.shift = true;
        break;
      default:
        throw new InvalidShortcutError(`"${text}": unknown modifier "${modifier}"`);
    }
  }
  const key = keyPart.length === 1 ? keyPart.toLowerCase() : NAMED_KEYS[keyPart.toLowerCase()];
  if (key === undefined) throw new InvalidShortcutError(`"${text}": unknown key "${keyPart}"`);
  return withShiftRule({ key, ...chord });
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

function withShiftRule(chord: KeyChord): KeyChord {
  const shiftFolded = chord.key.length === 1 && !/[a-z]/.test(chord.key) && chord.key !== ' ';
  return shiftFolded ? { ...chord, shift: false } : chord;
}
