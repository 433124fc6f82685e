import { describe, expect, it } from 'vitest';
import { shortcutSheet } from '../../../renderer/app/shortcut-sheet';
import { defaultKeyBindings } from '../../../renderer/editor/shortcuts/default-keymap';
import { workspaceCommands } from '../../../renderer/workspace/commands';
import { describeShortcut } from '../../../renderer/workspace/commands/shortcut';

describe('the keyboard shortcut sheet', () => {
  for (const isMac of [false, true]) {
    it(`lists every key the keymap and the workspace bind (${isMac ? 'macOS' : 'Windows/Linux'})`, () => {
      const sheet = shortcutSheet(workspaceCommands.values(), isMac);
      const listed = new Set(sheet.flatMap((group) => group.rows.flatMap((row) => row.keys)));
      const bound = [
        ...defaultKeyBindings().map((binding) => binding.keys),
        ...[...workspaceCommands.values()].flatMap((c) => (c.shortcut ? [c.shortcut] : [])),
      ];
      for (const keys of bound) expect(listed, keys).toContain(describeShortcut(keys, isMac));
      expect(listed).toContain('?');
    });
  }

  it('groups and names the rows as a person reads them', () => {
    const sheet = shortcutSheet(workspaceCommands.values(), false);
    const group = (title: string) => sheet.find((g) => g.title === title)?.rows ?? [];
    expect(group('File')).toContainEqual({ label: 'Open Photo', keys: ['Ctrl+O'] });
    expect(group('Edit')).toContainEqual({ label: 'Redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'] });
    expect(group('View').map((r) => r.label)).toEqual(
      expect.arrayContaining(['Zoom in', 'Zoom out', 'Pan (hold)']),
    );
    expect(group('Tools').map((r) => r.label)).toEqual(
      expect.arrayContaining(['Larger brush', 'Smaller brush']),
    );
    expect(group('Help')).toContainEqual({ label: 'Keyboard Shortcuts', keys: ['Ctrl+/', '?'] });
    // No label appears twice within a group.
    for (const g of sheet) expect(new Set(g.rows.map((r) => r.label)).size).toBe(g.rows.length);
  });
});
