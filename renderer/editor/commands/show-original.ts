/**
 * Before/after: while the key is held the canvas shows the photo without the result. Bound as a
 * hold key by the keyboard router (press shows, release hides). Not recorded.
 */
import { defineCommand } from './command';

/** Lightroom's before/after key, familiar to the photographers this is for. */
export const SHOW_ORIGINAL_HOLD_KEY = '\\';

export const showOriginal = defineCommand<boolean>({
  id: 'show-original',
  label: 'Before/after',
  history: 'ignore',
  perform: (draft, showing) => {
    draft.session.showingOriginal = showing;
  },
});
