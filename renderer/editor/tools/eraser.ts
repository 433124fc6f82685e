/**
 * The general eraser: drag across strokes of the active layer to remove them, or the parts
 * under the path. The path is collected during the drag and applied once at pointer-up, so the
 * whole drag is one undo step and strokes are not split fifty times along the way.
 */
import { findLayer, type Point } from '../../../shared/document';
import { erase } from '../commands/erase';
import { distance } from '../geometry/polyline-distance';
import { MIN_POINT_SPACING } from '../geometry/simplify-points';
import type { Tool, ToolPreview } from './tool';

export function createEraser(): Tool {
  let path: Point[] | null = null;
  let width = 0;
  let preview: ToolPreview | null = null;

  const add = (point: Point): void => {
    if (!path) return;
    const last = path.at(-1);
    if (!last || distance(last, point) >= MIN_POINT_SPACING) path.push({ x: point.x, y: point.y });
    preview = { kind: 'eraser', path, width };
  };

  return {
    id: 'eraser',
    get gestureActive() {
      return path !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      if (path) return;
      const layer = findLayer(context.state.document, context.state.session.activeLayerId);
      const reason = !layer
        ? 'no layer is active'
        : layer.locked
          ? `the ${layer.name} layer is locked`
          : !layer.visible
            ? `the ${layer.name} layer is hidden`
            : null;
      if (reason) {
        context.refused(reason);
        return;
      }
      path = [];
      width = context.state.session.brushSizes.eraser;
      add(pointer);
    },
    pointerMove(pointer) {
      add(pointer);
    },
    pointerUp(pointer, context) {
      if (!path) return;
      add(pointer);
      const finished = path;
      path = null;
      preview = null;
      const layerId = context.state.session.activeLayerId;
      const outcome = context.run(erase, { layerId, path: finished, width });
      if (outcome.status === 'refused') context.refused(outcome.reason);
      if (outcome.status === 'applied') context.strokeCommitted({ toolId: 'eraser', layerId });
    },
    cancel() {
      path = null;
      preview = null;
    },
  };
}
