/** The result layer's opacity slider. A way of looking, not an edit: not recorded. */
import { defineCommand } from './command';

export const setResultOpacity = defineCommand<number>({
  id: 'set-result-opacity',
  label: 'Result opacity',
  history: 'ignore',
  refusal: (_state, opacity) => (Number.isFinite(opacity) ? null : 'opacity must be a number'),
  perform: (draft, opacity) => {
    draft.session.resultOpacity = Math.min(1, Math.max(0, opacity));
  },
});
