/**
 * Places a pasted region (smart copy-paste) with handles: drag inside it to move it (its centre
 * snaps onto the target's matching face part when near), a corner to scale it, the knob above it
 * to rotate it. A press picks the active region first, else the topmost region under it. The
 * transform lives in the tool while dragging; pointer-up commits one `set-region-transform`, one
 * undo step, which changes what the network sees and so re-synthesizes.
 */
import type { LayerId, PastedRegionLayer, PlacementTransform } from '../../../shared/document';
import { setActiveLayer } from '../commands/set-active-layer';
import { setRegionTransform } from '../commands/set-region-transform';
import {
  dragPlacement,
  regionBox,
  regionFrame,
  regionHitAt,
  type PlacementDrag,
} from '../geometry/region-placement';
import type { EditorState } from '../state/editor-state';
import type { Tool, ToolPreview } from './tool';

/** Pasted regions a press may grab, in the order it tries them: the active one, then topmost. */
export function grabbableRegions(state: EditorState): PastedRegionLayer[] {
  const regions = state.document.layers.filter(
    (layer): layer is PastedRegionLayer => layer.kind === 'pasted-region' && layer.visible,
  );
  const active = regions.filter((layer) => layer.id === state.session.activeLayerId);
  const others = regions.filter((layer) => layer.id !== state.session.activeLayerId).reverse();
  return [...active, ...others];
}

function sameTransform(a: PlacementTransform, b: PlacementTransform): boolean {
  return a.x === b.x && a.y === b.y && a.scale === b.scale && a.angle === b.angle;
}

export function createPlaceRegionTool(): Tool {
  let drag: (PlacementDrag & { readonly layerId: LayerId }) | null = null;
  let preview: ToolPreview | null = null;

  const end = (): void => {
    drag = null;
    preview = null;
  };

  return {
    id: 'place-region',
    get gestureActive() {
      return drag !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      if (drag) return;
      const { state } = context;
      const zoom = state.session.viewport.zoom;
      const regions = grabbableRegions(state);
      if (regions.length === 0) {
        context.refused('there is no pasted region: paste one from the source panel');
        return;
      }
      for (const layer of regions) {
        const frame = regionFrame(regionBox(layer), layer.transform, zoom);
        const hit = regionHitAt(frame, pointer, zoom);
        if (hit.kind === 'none') continue;
        if (layer.locked) {
          context.refused(`the ${layer.name} layer is locked`);
          return;
        }
        if (state.session.activeLayerId !== layer.id) context.run(setActiveLayer, layer.id);
        drag = {
          mode: hit.kind,
          start: layer.transform,
          grab: { x: pointer.x, y: pointer.y },
          layerId: layer.id,
        };
        preview = {
          kind: 'region-placement',
          layerId: layer.id,
          transform: layer.transform,
          snappedTo: null,
        };
        return;
      }
    },
    pointerMove(pointer, context) {
      if (!drag) return;
      const dragged = dragPlacement(
        drag,
        pointer,
        context.state.document.workArea,
        context.faceLandmarks(),
      );
      preview = {
        kind: 'region-placement',
        layerId: drag.layerId,
        transform: dragged.transform,
        snappedTo: dragged.snappedTo,
      };
    },
    pointerUp(pointer, context) {
      if (!drag) return;
      this.pointerMove(pointer, context);
      const finished = drag;
      const transform = preview?.kind === 'region-placement' ? preview.transform : finished.start;
      end();
      // A click without a drag changes nothing and leaves no step.
      if (sameTransform(transform, finished.start)) return;
      const outcome = context.run(setRegionTransform, { layerId: finished.layerId, transform });
      if (outcome.status === 'refused') {
        context.refused(outcome.reason);
        return;
      }
      if (outcome.status === 'applied') {
        context.strokeCommitted({ toolId: 'place-region', layerId: finished.layerId });
      }
    },
    cancel() {
      end();
    },
  };
}
