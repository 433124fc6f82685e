/** The palette of recently used colors. */
import type { HexColor } from '../../../shared/document';

/** Enough for the handful of skin, lip, iris and hair tones one edit uses. */
export const RECENT_COLOR_COUNT = 8;

/** Moves `color` to the front, dropping a duplicate and the oldest beyond the palette size. */
export function withRecentColor(recent: readonly HexColor[], color: HexColor): HexColor[] {
  return [color, ...recent.filter((existing) => existing !== color)].slice(0, RECENT_COLOR_COUNT);
}
