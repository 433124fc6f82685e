import type { WorkspaceCommand } from './workspace-command';

export const openPhotoCommand: WorkspaceCommand = {
  id: 'file.open',
  label: 'Open Photo…',
  shortcut: 'Mod+O',
  run(context) {
    if (context.nativeOpenDialog) {
      void context.opener.openWithDialog();
    } else {
      context.pickFileInPage();
    }
  },
};
