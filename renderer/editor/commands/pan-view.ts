/** Moves the camera by view pixels (space-drag, the hand tool, scrolling). Never recorded. */
import { defineCommand } from './command';

export interface PanViewArgs {
  readonly dx: number;
  readonly dy: number;
}

export const panView = defineCommand<PanViewArgs>({
  id: 'pan-view',
  label: 'Pan',
  history: 'ignore',
  refusal: (_state, { dx, dy }) =>
    Number.isFinite(dx) && Number.isFinite(dy) ? null : 'pan by numbers',
  perform: (draft, { dx, dy }) => {
    draft.session.viewport.offsetX += dx;
    draft.session.viewport.offsetY += dy;
  },
});
