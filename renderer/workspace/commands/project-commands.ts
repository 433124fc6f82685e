import type { WorkspaceCommand } from './workspace-command';

export const openProjectCommand: WorkspaceCommand = {
  id: 'file.openProject',
  label: 'Open Project…',
  shortcut: 'Mod+Shift+O',
  run(context) {
    if (context.nativeOpenDialog) {
      void context.projects.openWithDialog();
    } else {
      context.pickProjectInPage();
    }
  },
};

export const saveProjectCommand: WorkspaceCommand = {
  id: 'file.save',
  label: 'Save',
  shortcut: 'Mod+S',
  run(context) {
    void context.projects.save().then((outcome) => {
      if (outcome === 'needs-path') context.askSavePath();
    });
  },
};

export const saveProjectAsCommand: WorkspaceCommand = {
  id: 'file.saveAs',
  label: 'Save As…',
  shortcut: 'Mod+Shift+S',
  run(context) {
    void context.projects.saveAs(null).then((outcome) => {
      if (outcome === 'needs-path') context.askSavePath();
    });
  },
};
