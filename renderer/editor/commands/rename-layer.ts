/**
 * Renames a layer. Recorded (a name is part of the saved work) with a normal redo-clearing step;
 * the network does not see names, so no synthesis follows.
 */
import type { LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface RenameLayerArgs {
  readonly layerId: LayerId;
  readonly name: string;
}

const MAX_NAME_LENGTH = 200;

export const renameLayer = defineCommand<RenameLayerArgs>({
  id: 'rename-layer',
  label: ({ layerId }, state) => `Rename ${layerName(state, layerId)}`,
  history: 'record',
  refusal: (state, { layerId, name }) => {
    const trimmed = name.trim();
    if (trimmed.length === 0) return 'a layer needs a name';
    if (trimmed.length > MAX_NAME_LENGTH) return `names are at most ${MAX_NAME_LENGTH} characters`;
    return layerRefusal(state, layerId, { evenIfLocked: true });
  },
  perform: (draft, { layerId, name }) => {
    const layer = draftLayer(draft, layerId);
    if (layer) layer.name = name.trim();
  },
});
