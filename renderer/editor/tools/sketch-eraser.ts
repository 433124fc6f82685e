/** Rubs out sketch lines with an erase stroke, sized like the general eraser (wider than a pen). */
import { FULL_WIDTH, createStrokeTool } from './stroke-tool';
import type { Tool } from './tool';

export function createSketchEraser(): Tool {
  return createStrokeTool({
    id: 'sketch-eraser',
    channel: 'sketch',
    kind: 'erase',
    brush: 'eraser',
    widthFactor: FULL_WIDTH,
  });
}
