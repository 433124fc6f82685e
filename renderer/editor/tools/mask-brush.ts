/** Paints the mask: where the network may rewrite the photo. Pressure would only leave holes. */
import { FULL_WIDTH, createStrokeTool } from './stroke-tool';
import type { Tool } from './tool';

export function createMaskBrush(): Tool {
  return createStrokeTool({
    id: 'mask-brush',
    channel: 'mask',
    kind: 'paint',
    brush: 'mask',
    widthFactor: FULL_WIDTH,
  });
}
