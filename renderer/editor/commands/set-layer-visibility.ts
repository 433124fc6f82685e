/**
 * Shows or hides a layer. Recorded, so undo brings back what the person saw, but keeping the
 * redo stack: hiding a layer to look beneath it must not throw away the steps they had undone
 * (history-policy.ts). Hiding changes what the network sees, so it triggers a synthesis.
 */
import type { LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface SetLayerVisibilityArgs {
  readonly layerId: LayerId;
  readonly visible: boolean;
}

export const setLayerVisibility = defineCommand<SetLayerVisibilityArgs>({
  id: 'set-layer-visibility',
  label: ({ layerId, visible }, state) =>
    `${visible ? 'Show' : 'Hide'} ${layerName(state, layerId)}`,
  history: 'record-keep-redo',
  refusal: (state, { layerId }) => layerRefusal(state, layerId, { evenIfLocked: true }),
  perform: (draft, { layerId, visible }) => {
    const layer = draftLayer(draft, layerId);
    if (layer) layer.visible = visible;
  },
});
