/**
 * The menu's commands beyond files (issue 9): the editor's undo and redo, the view's zoom, and
 * the shell's dialogs. Labels and keys come from the command catalog. Undo, redo and zoom carry
 * no shortcut here: the catalog says the editor's keymap binds those keys
 * (renderer/editor/shortcuts), and the menu only shows them, so a key press runs once. The
 * dialogs' shortcuts are the workspace's own.
 */
import { commands } from '../../editor';
import { fromCatalog, type WorkspaceCommand } from './workspace-command';

const KEYBOARD_ZOOM_STEP = 1.25;

export const undoCommand: WorkspaceCommand = {
  ...fromCatalog('edit.undo'),
  run: (context) => void context.editor?.undo(),
};

export const redoCommand: WorkspaceCommand = {
  ...fromCatalog('edit.redo'),
  run: (context) => void context.editor?.redo(),
};

export const zoomInCommand: WorkspaceCommand = {
  ...fromCatalog('view.zoomIn'),
  run: (context) => void context.editor?.run(commands.zoomView, { factor: KEYBOARD_ZOOM_STEP }),
};

export const zoomOutCommand: WorkspaceCommand = {
  ...fromCatalog('view.zoomOut'),
  run: (context) => void context.editor?.run(commands.zoomView, { factor: 1 / KEYBOARD_ZOOM_STEP }),
};

export const fitCommand: WorkspaceCommand = {
  ...fromCatalog('view.fit'),
  run: (context) => void context.editor?.run(commands.fitToScreen, undefined),
};

export const actualPixelsCommand: WorkspaceCommand = {
  ...fromCatalog('view.actualPixels'),
  run: (context) => void context.editor?.run(commands.actualPixels, undefined),
};

export const preferencesCommand: WorkspaceCommand = {
  ...fromCatalog('app.preferences'),
  run: (context) => context.showDialog('preferences'),
};

export const shortcutSheetCommand: WorkspaceCommand = {
  ...fromCatalog('help.shortcuts'),
  run: (context) => context.showDialog('shortcuts'),
};

export const aboutCommand: WorkspaceCommand = {
  ...fromCatalog('help.about'),
  run: (context) => context.showDialog('about'),
};
