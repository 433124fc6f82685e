/** 100 %: one photo pixel per view pixel, keeping the view's center in place (Mod+1). */
import { zoomAround } from '../state/viewport';
import { defineCommand } from './command';

export const actualPixels = defineCommand({
  id: 'actual-pixels',
  label: 'Actual pixels',
  history: 'ignore',
  shortcuts: [{ keys: 'Mod+1' }],
  perform: (draft) => {
    const { viewport, viewSize } = draft.session;
    const center = viewSize ? { x: viewSize.width / 2, y: viewSize.height / 2 } : { x: 0, y: 0 };
    draft.session.viewport = zoomAround(viewport, 1 / viewport.zoom, center);
  },
});
