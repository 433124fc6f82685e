/** Locks or unlocks a layer. A protective switch, not an edit: recorded, redo kept. */
import type { LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface SetLayerLockedArgs {
  readonly layerId: LayerId;
  readonly locked: boolean;
}

export const setLayerLocked = defineCommand<SetLayerLockedArgs>({
  id: 'set-layer-locked',
  label: ({ layerId, locked }, state) =>
    `${locked ? 'Lock' : 'Unlock'} ${layerName(state, layerId)}`,
  history: 'record-keep-redo',
  refusal: (state, { layerId }) => layerRefusal(state, layerId, { evenIfLocked: true }),
  perform: (draft, { layerId, locked }) => {
    const layer = draftLayer(draft, layerId);
    if (layer) layer.locked = locked;
  },
});
