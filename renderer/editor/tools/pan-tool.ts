/**
 * The hand: drag to move the view. Also what Space switches to while held. Pointer positions
 * arrive in photo pixels computed with the current viewport, so keeping the grabbed photo point
 * under the pointer means shifting the view by (pointer − grabbed point) × zoom on every move.
 */
import type { Point } from '../../../shared/document';
import { panView } from '../commands/pan-view';
import type { Tool } from './tool';

export function createPanTool(): Tool {
  let grabbed: Point | null = null;

  return {
    id: 'pan',
    get gestureActive() {
      return grabbed !== null;
    },
    preview: null,
    pointerDown(pointer) {
      grabbed = { x: pointer.x, y: pointer.y };
    },
    pointerMove(pointer, context) {
      if (!grabbed) return;
      const { zoom } = context.state.session.viewport;
      context.run(panView, {
        dx: (pointer.x - grabbed.x) * zoom,
        dy: (pointer.y - grabbed.y) * zoom,
      });
    },
    pointerUp(pointer, context) {
      this.pointerMove(pointer, context);
      grabbed = null;
    },
    cancel() {
      grabbed = null;
    },
  };
}
