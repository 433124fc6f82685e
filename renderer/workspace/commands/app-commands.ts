/**
 * The menu's commands beyond files (issue 9): the editor's undo and redo, the view's zoom, and
 * the shell's dialogs. Undo, redo and zoom carry no shortcut here: the editor's keymap already
 * binds those keys (renderer/editor/shortcuts), and the menu only shows them, so a key press
 * runs once. The dialogs' shortcuts are the shell's own.
 */
import { commands } from '../../editor';
import type { WorkspaceCommand } from './workspace-command';

const KEYBOARD_ZOOM_STEP = 1.25;

export const undoCommand: WorkspaceCommand = {
  id: 'edit.undo',
  label: 'Undo',
  run: (context) => void context.editor?.undo(),
};

export const redoCommand: WorkspaceCommand = {
  id: 'edit.redo',
  label: 'Redo',
  run: (context) => void context.editor?.redo(),
};

export const zoomInCommand: WorkspaceCommand = {
  id: 'view.zoomIn',
  label: 'Zoom In',
  run: (context) => void context.editor?.run(commands.zoomView, { factor: KEYBOARD_ZOOM_STEP }),
};

export const zoomOutCommand: WorkspaceCommand = {
  id: 'view.zoomOut',
  label: 'Zoom Out',
  run: (context) => void context.editor?.run(commands.zoomView, { factor: 1 / KEYBOARD_ZOOM_STEP }),
};

export const fitCommand: WorkspaceCommand = {
  id: 'view.fit',
  label: 'Fit on Screen',
  run: (context) => void context.editor?.run(commands.fitToScreen, undefined),
};

export const actualPixelsCommand: WorkspaceCommand = {
  id: 'view.actualPixels',
  label: 'Actual Pixels',
  run: (context) => void context.editor?.run(commands.actualPixels, undefined),
};

export const preferencesCommand: WorkspaceCommand = {
  id: 'app.preferences',
  label: 'Preferences…',
  shortcut: 'Mod+,',
  run: (context) => context.showDialog('preferences'),
};

export const shortcutSheetCommand: WorkspaceCommand = {
  id: 'help.shortcuts',
  label: 'Keyboard Shortcuts',
  shortcut: 'Mod+/',
  run: (context) => context.showDialog('shortcuts'),
};

export const aboutCommand: WorkspaceCommand = {
  id: 'help.about',
  label: 'About FaceShop',
  run: (context) => context.showDialog('about'),
};
