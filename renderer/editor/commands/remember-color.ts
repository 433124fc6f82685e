/**
 * Puts a color at the front of the recent-colors palette. Tools call it when a color is used
 * (a color stroke or an iris is committed), so the palette lists what was painted, not every
 * color the picker passed through. Session state: ignored by history.
 */
import type { HexColor } from '../../../shared/document';
import { withRecentColor } from '../state/recent-colors';
import { defineCommand } from './command';

export const rememberColor = defineCommand<HexColor>({
  id: 'remember-color',
  label: 'Recent color',
  history: 'ignore',
  perform: (draft, color) => {
    const next = withRecentColor(draft.session.recentColors, color);
    const same =
      next.length === draft.session.recentColors.length &&
      next.every((entry, index) => entry === draft.session.recentColors[index]);
    if (!same) draft.session.recentColors = next;
  },
});
