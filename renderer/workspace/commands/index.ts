/** Every workspace command. A new one is one file in this folder and one line here. */
import { openPhotoCommand } from './open-photo-command';
import { openProjectCommand, saveProjectAsCommand, saveProjectCommand } from './project-commands';
import { createCommandRegistry } from './workspace-command';

export const workspaceCommands = createCommandRegistry([
  openPhotoCommand,
  openProjectCommand,
  saveProjectCommand,
  saveProjectAsCommand,
]);
