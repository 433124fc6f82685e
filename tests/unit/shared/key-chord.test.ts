/** The one key-chord parser: chords, Electron accelerators, and what it refuses. */
import { describe, expect, it } from 'vitest';
import {
  chordId,
  formatAccelerator,
  InvalidShortcutError,
  parseShortcut,
  splitShortcut,
} from '../../../shared/commands/key-chord';

describe('parseShortcut', () => {
  it('reads Mod as Cmd on macOS and Ctrl elsewhere', () => {
    expect(chordId(parseShortcut('Mod+Shift+Z', 'mac'))).toBe('meta+shift+z');
    expect(chordId(parseShortcut('Mod+Shift+Z', 'other'))).toBe('ctrl+shift+z');
    expect(chordId(parseShortcut('Ctrl+Y', 'mac'))).toBe('ctrl+y');
  });

  it('folds Shift into symbols and digits, not letters', () => {
    expect(chordId(parseShortcut('Shift+[', 'other'))).toBe('[');
    expect(chordId(parseShortcut('Shift+B', 'other'))).toBe('shift+b');
    expect(chordId(parseShortcut('Mod+Plus', 'other'))).toBe('ctrl++');
  });

  it('refuses what it cannot read', () => {
    expect(() => splitShortcut('Hyper+K')).toThrow(InvalidShortcutError);
    expect(() => splitShortcut('Mod++')).toThrow(/Plus/);
    expect(() => splitShortcut('Mod+Banana')).toThrow(/unknown key/);
    expect(() => splitShortcut('Shift+Shift+B')).toThrow(/twice/);
  });
});

describe('formatAccelerator', () => {
  it.each([
    ['Mod+O', 'CmdOrCtrl+O'],
    ['Mod+Shift+O', 'CmdOrCtrl+Shift+O'],
    ['Shift+Mod+Z', 'CmdOrCtrl+Shift+Z'],
    ['Ctrl+Y', 'Ctrl+Y'],
    ['Mod+=', 'CmdOrCtrl+='],
    ['Mod+-', 'CmdOrCtrl+-'],
    ['Mod+Plus', 'CmdOrCtrl+Plus'],
    ['Mod+,', 'CmdOrCtrl+,'],
    ['Mod+/', 'CmdOrCtrl+/'],
    ['Mod+0', 'CmdOrCtrl+0'],
    ['Alt+Left', 'Alt+Left'],
    ['Meta+K', 'Super+K'],
    ['Esc', 'Escape'],
    ['Space', 'Space'],
    // The chord ignores Shift on a symbol; the menu shows the key that triggers it.
    ['Mod+Shift+=', 'CmdOrCtrl+='],
  ])('%s → %s', (shortcut, accelerator) => {
    expect(formatAccelerator(shortcut)).toBe(accelerator);
  });

  it('refuses what the parser refuses', () => {
    expect(() => formatAccelerator('Mod++')).toThrow(InvalidShortcutError);
  });
});
