import { fromCatalog, type WorkspaceCommand } from './workspace-command';

export const openProjectCommand: WorkspaceCommand = {
  ...fromCatalog('file.openProject'),
  run(context) {
    if (context.nativeOpenDialog) {
      void context.projects.openWithDialog();
    } else {
      context.pickProjectInPage();
    }
  },
};

export const saveProjectCommand: WorkspaceCommand = {
  ...fromCatalog('file.save'),
  run(context) {
    void context.projects.save().then((outcome) => {
      if (outcome === 'needs-path') context.askSavePath();
    });
  },
};

export const saveProjectAsCommand: WorkspaceCommand = {
  ...fromCatalog('file.saveAs'),
  run(context) {
    void context.projects.saveAs(null).then((outcome) => {
      if (outcome === 'needs-path') context.askSavePath();
    });
  },
};
