/**
 * A layer's display opacity. Recorded but keeping redo, like visibility: it is about looking,
 * not about the work. Dragging the slider should pass `merge` after the first value so a drag is
 * one step. The network never sees opacity, so no synthesis follows.
 */
import type { LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface SetLayerOpacityArgs {
  readonly layerId: LayerId;
  /** Clamped to [0, 1]. */
  readonly opacity: number;
}

export const setLayerOpacity = defineCommand<SetLayerOpacityArgs>({
  id: 'set-layer-opacity',
  label: ({ layerId }, state) => `${layerName(state, layerId)} opacity`,
  history: 'record-keep-redo',
  refusal: (state, { layerId, opacity }) =>
    Number.isFinite(opacity)
      ? layerRefusal(state, layerId, { evenIfLocked: true })
      : 'opacity must be a number',
  perform: (draft, { layerId, opacity }) => {
    const layer = draftLayer(draft, layerId);
    if (layer) layer.opacity = Math.min(1, Math.max(0, opacity));
  },
});
