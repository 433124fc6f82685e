/** Channel names as the history panel shows them. */
import type { StrokeChannel } from '../../../shared/document';

export const CHANNEL_NAMES: Readonly<Record<StrokeChannel, string>> = {
  mask: 'Mask',
  sketch: 'Sketch',
  color: 'Color',
};
