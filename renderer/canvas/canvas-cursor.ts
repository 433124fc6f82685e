/**
 * What the pointer looks like over the canvas: the CSS cursor for the active tool, and the
 * brush ring (the brush's real footprint at the current zoom) for the tools that paint.
 */
import type { Point } from '../../shared/document';
import {
  grabbableRegions,
  regionBox,
  regionFrame,
  regionHitAt,
  toolDescriptor,
  workAreaHitAt,
  type EditorState,
  type ToolId,
} from '../editor';

export interface CanvasCursor {
  readonly css: string;
  /** The brush's diameter in CSS pixels, or null when the tool has no brush ring. */
  readonly ringDiameter: number | null;
}

export function canvasCursor(
  state: EditorState,
  tool: ToolId,
  hover: Point | null,
  dragging: boolean,
): CanvasCursor {
  const { session, document } = state;
  switch (tool) {
    case 'pan':
      return { css: dragging ? 'grabbing' : 'grab', ringDiameter: null };
    case 'eyedropper':
    case 'iris':
      return { css: 'crosshair', ringDiameter: null };
    case 'work-area': {
      if (dragging || !hover) return { css: dragging ? 'grabbing' : 'default', ringDiameter: null };
      const hit = workAreaHitAt(document.workArea, hover, session.viewport.zoom);
      if (hit.kind === 'corner') {
        const falling = hit.corner === 'top-left' || hit.corner === 'bottom-right';
        return { css: falling ? 'nwse-resize' : 'nesw-resize', ringDiameter: null };
      }
      return { css: hit.kind === 'inside' ? 'move' : 'crosshair', ringDiameter: null };
    }
    case 'place-region': {
      if (dragging || !hover) return { css: dragging ? 'grabbing' : 'default', ringDiameter: null };
      const zoom = session.viewport.zoom;
      for (const layer of grabbableRegions(state)) {
        const hit = regionHitAt(regionFrame(regionBox(layer), layer.transform, zoom), hover, zoom);
        if (hit.kind === 'rotate') return { css: 'grab', ringDiameter: null };
        if (hit.kind === 'scale') return { css: 'nwse-resize', ringDiameter: null };
        if (hit.kind === 'move') return { css: 'move', ringDiameter: null };
      }
      return { css: 'default', ringDiameter: null };
    }
    default: {
      const family = toolDescriptor(tool).brush;
      if (family === null) return { css: 'default', ringDiameter: null };
      // The ring replaces the arrow; a hidden cursor would lose the pointer on tiny brushes.
      const diameter = session.brushSizes[family] * session.viewport.zoom;
      return { css: diameter < 6 ? 'crosshair' : 'none', ringDiameter: Math.max(diameter, 2) };
    }
  }
}
