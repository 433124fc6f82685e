import { describe, expect, it, vi } from 'vitest';
import { workspaceCommands } from '../../../renderer/workspace/commands';
import type { ProjectFiles, SaveOutcome } from '../../../renderer/workspace/project-files';
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
      projects: projectFiles('saved'),
      pickProjectInPage: vi.fn(),
      askSavePath: vi.fn(),
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

  it('Save and Save As ask for a path in the page when there is no file and no native dialog', async () => {
    const context = (outcome: SaveOutcome): WorkspaceCommandContext => ({
      nativeOpenDialog: false,
      opener: { openFile: vi.fn(), openWithDialog: vi.fn(() => Promise.resolve()) },
      pickFileInPage: vi.fn(),
      projects: projectFiles(outcome),
      pickProjectInPage: vi.fn(),
      askSavePath: vi.fn(),
    });
    const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
    for (const id of ['file.save', 'file.saveAs']) {
      const needsPath = context('needs-path');
      workspaceCommands.get(id)?.run(needsPath);
      await flush();
      expect(needsPath.askSavePath).toHaveBeenCalledOnce();
      const saved = context('saved');
      workspaceCommands.get(id)?.run(saved);
      await flush();
      expect(saved.askSavePath).not.toHaveBeenCalled();
    }
  });

  it('Open Project uses the page picker without a native dialog', () => {
    const pickProjectInPage = vi.fn();
    workspaceCommands.get('file.openProject')?.run({
      nativeOpenDialog: false,
      opener: { openFile: vi.fn(), openWithDialog: vi.fn(() => Promise.resolve()) },
      pickFileInPage: vi.fn(),
      projects: projectFiles('saved'),
      pickProjectInPage,
      askSavePath: vi.fn(),
    });
    expect(pickProjectInPage).toHaveBeenCalledOnce();
  });
});

function projectFiles(outcome: SaveOutcome): ProjectFiles {
  const done = () => Promise.resolve();
  return {
    save: vi.fn(() => Promise.resolve(outcome)),
    saveAs: vi.fn(() => Promise.resolve(outcome)),
    openFile: vi.fn(done),
    openWithDialog: vi.fn(done),
    checkRecovery: vi.fn(done),
    restoreRecovery: vi.fn(done),
    discardRecovery: vi.fn(done),
  };
}
