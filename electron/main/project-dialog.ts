/** The operating system's dialogs for project files, as the core's choosers. */
import { BrowserWindow, dialog } from 'electron';
import type { ProjectFileChooser, ProjectSavePathChooser } from '../core/backend';

const PROJECT_FILTERS = [
  { name: 'FaceShop projects', extensions: ['faceshop'] },
  { name: 'All files', extensions: ['*'] },
];

export const chooseProjectWithDialog: ProjectFileChooser = async () => {
  const options: Electron.OpenDialogOptions = {
    title: 'Open project',
    properties: ['openFile'],
    filters: PROJECT_FILTERS,
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};

export const chooseProjectSavePathWithDialog: ProjectSavePathChooser = async (suggestedName) => {
  const options: Electron.SaveDialogOptions = {
    title: 'Save project',
    defaultPath: suggestedName,
    filters: PROJECT_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  return askSavePath(options);
};

/** The native save dialog, over the focused window when there is one; null when cancelled. */
export async function askSavePath(options: Electron.SaveDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  return result.canceled || result.filePath === undefined || result.filePath === ''
    ? null
    : result.filePath;
}
