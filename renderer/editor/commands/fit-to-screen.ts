/** Shows the whole photo, centered (Mod+0). Never recorded. */
import { fitToView } from '../../../shared/geometry/fit';
import { defineCommand } from './command';

/** View pixels kept free around the photo so its edges stay visible and grabbable. */
const FIT_MARGIN = 24;

export const fitToScreen = defineCommand({
  id: 'fit-to-screen',
  label: 'Fit to screen',
  history: 'ignore',
  shortcuts: [{ keys: 'Mod+0' }],
  refusal: (state) => (state.session.viewSize ? null : 'the canvas has no size yet'),
  perform: (draft) => {
    const view = draft.session.viewSize;
    if (!view) return;
    const fit = fitToView(draft.document.photo, view, FIT_MARGIN);
    draft.session.viewport = { zoom: fit.zoom, offsetX: fit.offsetX, offsetY: fit.offsetY };
  },
});
