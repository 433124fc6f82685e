/** Takes back the last step. Disabled while a stroke is being drawn (the editor refuses it). */
import type { HistoryCommand } from './command';

export const undo: HistoryCommand = {
  kind: 'history',
  id: 'undo',
  label: 'Undo',
  shortcuts: [{ keys: 'Mod+Z' }],
  perform: (history) => history.undo(),
};
