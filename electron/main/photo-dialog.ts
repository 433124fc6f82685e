/** The operating system's "open photo" dialog, as the core's PhotoFileChooser. */
import { BrowserWindow, dialog } from 'electron';
import type { PhotoFileChooser } from '../core/backend';

const PHOTO_EXTENSIONS = [
  'jpg',
  'jpeg',
  'png',
  'webp',
  'tif',
  'tiff',
  'avif',
  'heic',
  'heif',
  'gif',
];

export const choosePhotoWithDialog: PhotoFileChooser = async () => {
  const options: Electron.OpenDialogOptions = {
    title: 'Open photo',
    properties: ['openFile'],
    filters: [
      { name: 'Photos', extensions: PHOTO_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent
    ? await dialog.showOpenDialog(parent, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};
