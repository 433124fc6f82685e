import { describe, expect, it, vi } from 'vitest';
import { workspaceCommands } from '../../../renderer/workspace/commands';
import { describeShortcut, matchesShortcut } from '../../../renderer/workspace/commands/shortcut';
import {
  createCommandRegistry,
  type WorkspaceCommandContext,
} from '../../../renderer/workspace/commands/workspace-command';

const press = (
  key: string,
  modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcuts', () => {
  it('matches Mod as Ctrl off macOS and Cmd on macOS', () => {
    expect(matchesShortcut('Mod+O', press('o', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('Mod+O', press('O', { metaKey: true }), true)).toBe(true);
    expect(matchesShortcut('Mod+O', press('o', { metaKey: true }), false)).toBe(false);
    expect(matchesShortcut('Mod+O', press('o', { ctrlKey: true, shiftKey: true }), false)).toBe(
      false,
    );
    expect(matchesShortcut('Mod+O', press('o'), false)).toBe(false);
  });

  it('describes shortcuts in each platform’s convention', () => {
    expect(describeShortcut('Mod+O', false)).toBe('Ctrl+O');
    expect(describeShortcut('Mod+O', true)).toBe('⌘O');
  });
});

describe('workspace commands', () => {
  it('refuses two commands with the same shortcut', () => {
    const run = () => {};
    expect(() =>
      createCommandRegistry([
        { id: 'a', label: 'A', shortcut: 'Mod+O', run },
        { id: 'b', label: 'B', shortcut: 'Mod+O', run },
      ]),
    ).toThrow(/share the shortcut Mod\+O/);
  });

  it('refuses two commands with the same id', () => {
    const run = () => {};
    expect(() =>
      createCommandRegistry([
        { id: 'a', label: 'A', run },
        { id: 'a', label: 'A', run },
      ]),
    ).toThrow(/share the id/);
  });

  it('file.open uses the native dialog where there is one, the page picker elsewhere', () => {
    const context = (nativeOpenDialog: boolean): WorkspaceCommandContext => ({
      nativeOpenDialog,
      opener: { openFile: vi.fn(), openWithDialog: vi.fn(() => Promise.resolve()) },
      pickFileInPage: vi.fn(),
    });
    const open = workspaceCommands.get('file.open');
    const native = context(true);
    open?.run(native);
    expect(native.opener.openWithDialog).toHaveBeenCalledOnce();
    expect(native.pickFileInPage).not.toHaveBeenCalled();
    const browser = context(false);
    open?.run(browser);
    expect(browser.pickFileInPage).toHaveBeenCalledOnce();
  });
});
