/** The native save dialog for File → Export…: one filter for the chosen format. */
import { BrowserWindow, dialog } from 'electron';
import { EXPORT_EXTENSIONS, EXPORT_FORMAT_LABELS } from '../../shared/export/export-api';
import type { ExportPathChooser } from '../core/export/export-handler';

export const chooseExportPathWithDialog: ExportPathChooser = async (suggestedName, format) => {
  const options: Electron.SaveDialogOptions = {
    title: 'Export photo',
    defaultPath: suggestedName,
    filters: [{ name: EXPORT_FORMAT_LABELS[format], extensions: [...EXPORT_EXTENSIONS[format]] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  return result.canceled || result.filePath === undefined || result.filePath === ''
    ? null
    : result.filePath;
};
