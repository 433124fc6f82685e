/**
 * Closing (or reloading) a window with unsaved work. The renderer's `beforeunload` handler
 * refuses to unload while the document has unsaved changes; Electron then fires
 * `will-prevent-unload` and, unless main decides, the window silently stays open. Here main
 * asks the person with a native dialog and lets the unload go on only if they choose to leave.
 * (Autosave keeps the work in the recovery folder either way until the app quits cleanly.)
 */
import { dialog, type BrowserWindow } from 'electron';

const LEAVE = 0;
const STAY = 1;

export function guardUnsavedChanges(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave', 'Stay'],
      defaultId: STAY,
      cancelId: STAY,
      title: 'Unsaved changes',
      message: 'You have unsaved changes.',
      detail: 'If you leave now, the edits made since the last save are lost.',
      noLink: true,
    });
    // preventDefault on this event overrides the page's refusal, so the unload proceeds.
    if (choice === LEAVE) event.preventDefault();
  });
}
