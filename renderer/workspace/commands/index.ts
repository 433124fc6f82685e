/** Every workspace command. A new one is one file in this folder and one line here. */
import {
  aboutCommand,
  actualPixelsCommand,
  fitCommand,
  preferencesCommand,
  redoCommand,
  shortcutSheetCommand,
  undoCommand,
  zoomInCommand,
  zoomOutCommand,
} from './app-commands';
import { exportPhotoCommand } from './export-command';
import { openPhotoCommand } from './open-photo-command';
import { openProjectCommand, saveProjectAsCommand, saveProjectCommand } from './project-commands';
import { createCommandRegistry } from './workspace-command';

export const workspaceCommands = createCommandRegistry([
  openPhotoCommand,
  openProjectCommand,
  saveProjectCommand,
  saveProjectAsCommand,
  exportPhotoCommand,
  undoCommand,
  redoCommand,
  zoomInCommand,
  zoomOutCommand,
  fitCommand,
  actualPixelsCommand,
  preferencesCommand,
  shortcutSheetCommand,
  aboutCommand,
]);
