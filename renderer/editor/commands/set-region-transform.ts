/** Moves, scales or rotates a pasted region: one small change of its transform, not its strokes. */
import type { LayerId, PlacementTransform } from '../../../shared/document';
import { findLayer } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface SetRegionTransformArgs {
  readonly layerId: LayerId;
  readonly transform: PlacementTransform;
}

export const setRegionTransform = defineCommand<SetRegionTransformArgs>({
  id: 'set-region-transform',
  label: ({ layerId }, state) => `Place ${layerName(state, layerId)}`,
  history: 'record',
  refusal: (state, { layerId, transform }) => {
    const refusal = layerRefusal(state, layerId);
    if (refusal) return refusal;
    if (findLayer(state.document, layerId)?.kind !== 'pasted-region') return 'not a pasted region';
    return transform.scale > 0 ? null : 'a region needs a positive scale';
  },
  perform: (draft, { layerId, transform }) => {
    const layer = draftLayer(draft, layerId);
    if (layer?.kind !== 'pasted-region') return;
    layer.transform.x = transform.x;
    layer.transform.y = transform.y;
    layer.transform.scale = transform.scale;
    layer.transform.angle = transform.angle;
  },
});
