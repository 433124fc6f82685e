/**
 * Zooms the camera by a factor around a view point (the wheel or a pinch passes the pointer;
 * the keyboard zooms around the view's center). Never recorded: undo that moved the camera would
 * feel like the edit had vanished.
 */
import { zoomAround } from '../state/viewport';
import { defineCommand } from './command';

export interface ZoomViewArgs {
  readonly factor: number;
  /** View pixels; defaults to the view's center. */
  readonly anchor?: { readonly x: number; readonly y: number };
}

const KEYBOARD_STEP = 1.25;

export const zoomView = defineCommand<ZoomViewArgs>({
  id: 'zoom-view',
  label: 'Zoom',
  history: 'ignore',
  // "=" is the unshifted "+" key, so Mod+= zooms in on every common layout; Plus is the keypad.
  shortcuts: [
    { keys: 'Mod+=', args: { factor: KEYBOARD_STEP } },
    { keys: 'Mod+Plus', args: { factor: KEYBOARD_STEP } },
    { keys: 'Mod+-', args: { factor: 1 / KEYBOARD_STEP } },
  ],
  refusal: (_state, { factor }) =>
    Number.isFinite(factor) && factor > 0 ? null : 'zoom by a positive factor',
  perform: (draft, { factor, anchor }) => {
    const size = draft.session.viewSize;
    const center = anchor ?? (size ? { x: size.width / 2, y: size.height / 2 } : { x: 0, y: 0 });
    draft.session.viewport = zoomAround(draft.session.viewport, factor, center);
  },
});
