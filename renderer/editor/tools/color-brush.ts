/**
 * Paints color hints with the current color. A committed stroke puts its color at the front of
 * the recent-colors palette (stroke-tool.ts does it after the stroke is recorded).
 */
import { FULL_WIDTH, createStrokeTool } from './stroke-tool';
import type { Tool } from './tool';

export function createColorBrush(): Tool {
  return createStrokeTool({
    id: 'color-brush',
    channel: 'color',
    kind: 'paint',
    brush: 'color',
    widthFactor: FULL_WIDTH,
  });
}
