/**
 * Sets the current color (color picker, eyedropper, palette). A preference, not an edit: the
 * color reaches the document only through the strokes drawn with it, and those are recorded.
 */
import { normalizeHexColor } from '../../../shared/document';
import { defineCommand } from './command';

export const setColor = defineCommand<string>({
  id: 'set-color',
  label: 'Color',
  history: 'ignore',
  refusal: (_state, color) => (normalizeHexColor(color) ? null : `"${color}" is not a color`),
  perform: (draft, color) => {
    draft.session.color = normalizeHexColor(color) ?? draft.session.color;
  },
});
