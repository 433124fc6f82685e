/**
 * Redoes the next undone step. Both conventions: Mod+Shift+Z (macOS and most editors) and
 * Ctrl+Y (Windows), the latter literally Ctrl so it means the same on every platform.
 */
import type { HistoryCommand } from './command';

export const redo: HistoryCommand = {
  kind: 'history',
  id: 'redo',
  label: 'Redo',
  shortcuts: [{ keys: 'Mod+Shift+Z' }, { keys: 'Ctrl+Y' }],
  perform: (history) => history.redo(),
};
