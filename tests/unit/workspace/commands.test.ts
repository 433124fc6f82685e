import { describe, expect, it, vi } from 'vitest';
import { workspaceCommands } from '../../../renderer/workspace/commands';
import { commands, type Editor } from '../../../renderer/editor';
import type { PhotoOpener } from '../../../renderer/workspace/photo-opener';
import { TestEditor } from '../editor/test-editor';
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
    // macOS writes modifiers as symbols in the order ⌃⌥⇧⌘, with nothing between.
    expect(describeShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(describeShortcut('Mod+Shift+Z', true)).toBe('⇧⌘Z');
    expect(describeShortcut('Ctrl+Y', true)).toBe('⌃Y');
    expect(describeShortcut('Shift+Left', true)).toBe('⇧←');
    expect(describeShortcut('Shift+Left', false)).toBe('Shift+Left');
    expect(describeShortcut('Mod+Plus', true)).toBe('⌘+');
  });

  it('describes only what the key-chord parser reads', () => {
    expect(() => describeShortcut('Hyper+O', false)).toThrow(/unknown modifier/);
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
      opener: photoOpener(),
      pickFileInPage: vi.fn(),
      projects: projectFiles('saved'),
      pickProjectInPage: vi.fn(),
      askSavePath: vi.fn(),
      editor: null,
      showDialog: vi.fn(),
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
      opener: photoOpener(),
      pickFileInPage: vi.fn(),
      projects: projectFiles(outcome),
      pickProjectInPage: vi.fn(),
      askSavePath: vi.fn(),
      editor: null,
      showDialog: vi.fn(),
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
      opener: photoOpener(),
      pickFileInPage: vi.fn(),
      projects: projectFiles('saved'),
      pickProjectInPage,
      askSavePath: vi.fn(),
      editor: null,
      showDialog: vi.fn(),
    });
    expect(pickProjectInPage).toHaveBeenCalledOnce();
  });
});

describe('menu commands (issue 9)', () => {
  const context = (editor: Editor | null): WorkspaceCommandContext => ({
    nativeOpenDialog: true,
    opener: photoOpener(),
    pickFileInPage: vi.fn(),
    projects: projectFiles('saved'),
    pickProjectInPage: vi.fn(),
    askSavePath: vi.fn(),
    editor,
    showDialog: vi.fn(),
  });

  it('routes Edit → Undo and Redo to the editor’s history, not the page', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    const strokes = () => t.strokes('mask').length;
    expect(strokes()).toBe(1);
    workspaceCommands.get('edit.undo')?.run(context(t.editor));
    expect(strokes()).toBe(0);
    workspaceCommands.get('edit.redo')?.run(context(t.editor));
    expect(strokes()).toBe(1);
  });

  it('routes View → Zoom In, Zoom Out, Actual Pixels and Fit to the editor’s camera', () => {
    const t = new TestEditor();
    t.editor.run(commands.setViewSize, { width: 800, height: 600 });
    const zoom = () => t.session.viewport.zoom;
    workspaceCommands.get('view.actualPixels')?.run(context(t.editor));
    expect(zoom()).toBe(1);
    workspaceCommands.get('view.zoomIn')?.run(context(t.editor));
    expect(zoom()).toBeCloseTo(1.25);
    workspaceCommands.get('view.zoomOut')?.run(context(t.editor));
    workspaceCommands.get('view.zoomOut')?.run(context(t.editor));
    expect(zoom()).toBeCloseTo(0.8);
    workspaceCommands.get('view.fit')?.run(context(t.editor));
    expect(zoom()).not.toBeCloseTo(0.8);
  });

  it('does nothing without an open photo', () => {
    for (const id of ['edit.undo', 'edit.redo', 'view.zoomIn', 'view.fit']) {
      expect(() => workspaceCommands.get(id)?.run(context(null))).not.toThrow();
    }
  });

  it('opens the shell’s dialogs; only Preferences and the sheet have keys of their own', () => {
    const shown = context(null);
    workspaceCommands.get('app.preferences')?.run(shown);
    workspaceCommands.get('help.shortcuts')?.run(shown);
    workspaceCommands.get('help.about')?.run(shown);
    expect(vi.mocked(shown.showDialog).mock.calls).toEqual([
      ['preferences'],
      ['shortcuts'],
      ['about'],
    ]);
    expect(workspaceCommands.get('app.preferences')?.shortcut).toBe('Mod+,');
    expect(workspaceCommands.get('help.shortcuts')?.shortcut).toBe('Mod+/');
    // The editor's keymap owns these keys; a second binding would run them twice.
    for (const id of ['edit.undo', 'edit.redo', 'view.zoomIn', 'view.zoomOut', 'view.fit']) {
      expect(workspaceCommands.get(id)?.shortcut).toBeUndefined();
    }
  });

  // That every menu id has a command, with the catalog's label and keys, is checked against the
  // command catalog in tests/unit/shared/command-catalog.test.ts.
});

function projectFiles(outcome: SaveOutcome): ProjectFiles {
  const done = () => Promise.resolve();
  return {
    save: vi.fn(() => Promise.resolve(outcome)),
    saveAs: vi.fn(() => Promise.resolve(outcome)),
    openFile: vi.fn(done),
    openWithDialog: vi.fn(done),
    openPath: vi.fn(done),
    checkRecovery: vi.fn(done),
    restoreRecovery: vi.fn(done),
    discardRecovery: vi.fn(done),
  };
}

function photoOpener(): PhotoOpener {
  const done = () => Promise.resolve();
  return {
    openFile: vi.fn(done),
    openWithDialog: vi.fn(done),
    openPath: vi.fn(done),
    openSample: vi.fn(done),
  };
}
