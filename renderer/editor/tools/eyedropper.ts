/**
 * Picks the current color from the photo. The pixels are not the editor's (the canvas or the
 * backend holds them), so the editor asks an injected sampler. While the button is down the
 * preview shows the color under the pointer; releasing takes it. Nothing is recorded: a color
 * becomes part of the work only when a stroke is painted with it.
 */
import { setColor } from '../commands/set-color';
import type { Tool, ToolPreview } from './tool';

export function createEyedropper(): Tool {
  let preview: Extract<ToolPreview, { kind: 'eyedropper' }> | null = null;

  return {
    id: 'eyedropper',
    get gestureActive() {
      return preview !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      const point = { x: pointer.x, y: pointer.y };
      preview = { kind: 'eyedropper', point, color: context.sampleColor(point) };
    },
    pointerMove(pointer, context) {
      if (!preview) return;
      const point = { x: pointer.x, y: pointer.y };
      preview = { kind: 'eyedropper', point, color: context.sampleColor(point) };
    },
    pointerUp(pointer, context) {
      if (!preview) return;
      this.pointerMove(pointer, context);
      const picked = preview.color;
      preview = null;
      if (picked === null) context.refused('there is no photo under the pointer');
      else context.run(setColor, picked);
    },
    cancel() {
      preview = null;
    },
  };
}
