import { fromCatalog, type WorkspaceCommand } from './workspace-command';

export const openPhotoCommand: WorkspaceCommand = {
  ...fromCatalog('file.open'),
  run(context) {
    if (context.nativeOpenDialog) {
      void context.opener.openWithDialog();
    } else {
      context.pickFileInPage();
    }
  },
};
