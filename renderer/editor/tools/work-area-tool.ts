/**
 * Moves or redraws the work area. Pressing inside the square drags it; pressing outside draws a
 * new square centered on the press, sized by the drag. The square is committed once, at
 * pointer-up, as one recorded step (a click outside without a drag changes nothing).
 */
import {
  MIN_WORK_AREA_SIZE,
  clampWorkArea,
  type Point,
  type WorkArea,
} from '../../../shared/document';
import { setWorkArea } from '../commands/set-work-area';
import type { Tool, ToolPreview } from './tool';

type Gesture =
  | { readonly mode: 'move'; readonly grabX: number; readonly grabY: number; area: WorkArea }
  | { readonly mode: 'draw'; readonly center: Point; area: WorkArea | null };

export function createWorkAreaTool(): Tool {
  let gesture: Gesture | null = null;
  let preview: ToolPreview | null = null;

  return {
    id: 'work-area',
    get gestureActive() {
      return gesture !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      if (gesture) return;
      const area = context.state.document.workArea;
      const inside =
        pointer.x >= area.x &&
        pointer.x <= area.x + area.size &&
        pointer.y >= area.y &&
        pointer.y <= area.y + area.size;
      gesture = inside
        ? { mode: 'move', grabX: pointer.x - area.x, grabY: pointer.y - area.y, area }
        : { mode: 'draw', center: { x: pointer.x, y: pointer.y }, area: null };
      preview = inside ? { kind: 'work-area', area } : null;
    },
    pointerMove(pointer, context) {
      if (!gesture) return;
      const photo = context.state.document.photo;
      if (gesture.mode === 'move') {
        gesture.area = clampWorkArea(
          { x: pointer.x - gesture.grabX, y: pointer.y - gesture.grabY, size: gesture.area.size },
          photo,
        );
      } else {
        const half = Math.max(
          Math.abs(pointer.x - gesture.center.x),
          Math.abs(pointer.y - gesture.center.y),
        );
        gesture.area =
          2 * half < MIN_WORK_AREA_SIZE
            ? null
            : clampWorkArea(
                { x: gesture.center.x - half, y: gesture.center.y - half, size: 2 * half },
                photo,
              );
      }
      preview = gesture.area && { kind: 'work-area', area: gesture.area };
    },
    pointerUp(pointer, context) {
      if (!gesture) return;
      this.pointerMove(pointer, context);
      const area = gesture.area;
      gesture = null;
      preview = null;
      if (area) context.run(setWorkArea, { area });
    },
    cancel() {
      gesture = null;
      preview = null;
    },
  };
}
