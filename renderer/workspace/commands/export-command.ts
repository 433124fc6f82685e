import { fromCatalog, type WorkspaceCommand } from './workspace-command';

/** File → Export…: the edited photo at full resolution (renderer/app/ExportDialog.tsx). */
export const exportPhotoCommand: WorkspaceCommand = {
  ...fromCatalog('file.export'),
  run(context) {
    if (context.editor !== null) context.showDialog('export');
  },
};
