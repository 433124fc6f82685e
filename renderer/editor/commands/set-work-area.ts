/**
 * Moves or resizes the work area. Recorded: it decides which pixels the network rewrites, so
 * undo must bring the old square back. The square is clamped into the photo; a drag should
 * commit once at pointer-up (the work-area tool does), or pass `merge` while dragging.
 */
import { clampWorkArea, type WorkArea } from '../../../shared/document';
import { defineCommand } from './command';

export interface SetWorkAreaArgs {
  readonly area: WorkArea;
}

export const setWorkArea = defineCommand<SetWorkAreaArgs>({
  id: 'set-work-area',
  label: 'Work area',
  history: 'record',
  refusal: (_state, { area }) =>
    [area.x, area.y, area.size].every(Number.isFinite) ? null : 'the work area must be numbers',
  perform: (draft, { area }) => {
    const clamped = clampWorkArea(area, draft.document.photo);
    const current = draft.document.workArea;
    // Assign fields, not the object, so an unchanged square records nothing.
    current.x = clamped.x;
    current.y = clamped.y;
    current.size = clamped.size;
  },
});
