/**
 * The canvas reports its size (on mount and resize). The first report fits the photo to the
 * view, so a newly opened photo appears whole. Never recorded.
 */
import { fitToView } from '../../../shared/geometry/fit';
import type { ViewSize } from '../state/viewport';
import { defineCommand } from './command';

const FIT_MARGIN = 24;

export const setViewSize = defineCommand<ViewSize>({
  id: 'set-view-size',
  label: 'View size',
  history: 'ignore',
  refusal: (_state, { width, height }) =>
    width > 0 && height > 0 ? null : 'a view needs a positive size',
  perform: (draft, { width, height }) => {
    const first = draft.session.viewSize === null;
    draft.session.viewSize = { width, height };
    if (first && draft.session.fitOnFirstView) {
      const fit = fitToView(draft.document.photo, { width, height }, FIT_MARGIN);
      draft.session.viewport = { zoom: fit.zoom, offsetX: fit.offsetX, offsetY: fit.offsetY };
    }
  },
});
