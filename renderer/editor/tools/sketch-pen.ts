/**
 * Thin sketch lines, pressure-aware with a pen. The width factor never drops below a quarter so
 * a light touch still leaves a line the network can see; mice and touch report no real pressure
 * (a mouse always says 0.5), so they draw at full width rather than at an arbitrary half.
 */
import { createStrokeTool } from './stroke-tool';
import type { PhotoPointer, Tool } from './tool';

const LIGHTEST_WIDTH_FACTOR = 0.25;

export function sketchPenWidthFactor(pointer: PhotoPointer): number {
  if (pointer.pointerType !== 'pen') return 1;
  return LIGHTEST_WIDTH_FACTOR + (1 - LIGHTEST_WIDTH_FACTOR) * pointer.pressure;
}

export function createSketchPen(): Tool {
  return createStrokeTool({
    id: 'sketch-pen',
    channel: 'sketch',
    kind: 'paint',
    brush: 'sketch',
    widthFactor: sketchPenWidthFactor,
  });
}
