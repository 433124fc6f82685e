/**
 * Erases mask paint by drawing an erase stroke into the mask: pixel-precise like a rubber, and
 * as cheap to undo as any stroke. Shares the mask brush's size (two sides of one gesture).
 */
import { FULL_WIDTH, createStrokeTool } from './stroke-tool';
import type { Tool } from './tool';

export function createMaskEraser(): Tool {
  return createStrokeTool({
    id: 'mask-eraser',
    channel: 'mask',
    kind: 'erase',
    brush: 'mask',
    widthFactor: FULL_WIDTH,
  });
}
