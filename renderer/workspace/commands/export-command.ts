import type { WorkspaceCommand } from './workspace-command';

/** File → Export…: the edited photo at full resolution (renderer/app/ExportDialog.tsx). */
export const exportPhotoCommand: WorkspaceCommand = {
  id: 'file.export',
  label: 'Export…',
  shortcut: 'Mod+Shift+E',
  run(context) {
    if (context.editor !== null) context.showDialog('export');
  },
};
