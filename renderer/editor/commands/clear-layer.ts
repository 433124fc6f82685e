/** Empties a layer of strokes or iris marks, as one step. Clearing an empty layer is no step. */
import type { LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface ClearLayerArgs {
  readonly layerId: LayerId;
}

export const clearLayer = defineCommand<ClearLayerArgs>({
  id: 'clear-layer',
  label: ({ layerId }, state) => `Clear ${layerName(state, layerId)}`,
  history: 'record',
  refusal: (state, { layerId }) => layerRefusal(state, layerId),
  perform: (draft, { layerId }) => {
    const layer = draftLayer(draft, layerId);
    if (!layer) return;
    // Assign only non-empty lists: immer would record replacing [] with a new [] as a change.
    switch (layer.kind) {
      case 'iris':
        if (layer.marks.length > 0) layer.marks = [];
        break;
      case 'pasted-region':
        for (const channel of ['mask', 'sketch', 'color'] as const) {
          if (layer.channels[channel].length > 0) layer.channels[channel] = [];
        }
        break;
      default:
        if (layer.strokes.length > 0) layer.strokes = [];
    }
  },
});
