/**
 * Drops the result on screen. The synthesis client runs it when the document no longer has a
 * visible mask (the last mask stroke was undone, the mask layer hidden): the network would return
 * the photo unchanged, so showing the previous result would show an edit that no longer exists.
 * Never recorded, like receiving a result.
 */
import { defineCommand } from './command';

export const clearResult = defineCommand({
  id: 'clear-result',
  label: 'Clear result',
  history: 'ignore',
  perform: (draft) => {
    draft.session.result = null;
  },
});
