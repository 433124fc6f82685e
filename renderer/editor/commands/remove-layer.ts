/**
 * Deletes a layer. The last layer of each base kind stays (the tools draw into it; the document
 * schema requires it), so in practice this removes pasted regions and extra layers.
 */
import { BASE_LAYER_KINDS, findLayer, type LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { layerName, layerRefusal } from './layer-access';

export interface RemoveLayerArgs {
  readonly layerId: LayerId;
}

export const removeLayer = defineCommand<RemoveLayerArgs>({
  id: 'remove-layer',
  label: ({ layerId }, state) => `Delete ${layerName(state, layerId)}`,
  history: 'record',
  refusal: (state, { layerId }) => {
    const refusal = layerRefusal(state, layerId);
    if (refusal) return refusal;
    const layer = findLayer(state.document, layerId);
    const sameKind = state.document.layers.filter((other) => other.kind === layer?.kind).length;
    if (layer && BASE_LAYER_KINDS.includes(layer.kind) && sameKind === 1) {
      return `the only ${layer.kind} layer cannot be deleted`;
    }
    return null;
  },
  perform: (draft, { layerId }) => {
    const { layers } = draft.document;
    const index = layers.findIndex((layer) => layer.id === layerId);
    if (index !== -1) layers.splice(index, 1);
    if (draft.session.activeLayerId === layerId) {
      draft.session.activeLayerId = layers.find((layer) => layer.kind === 'mask')?.id ?? '';
    }
  },
});
