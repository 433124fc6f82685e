/**
 * Delete (or Backspace) removes the active pasted region: one undo step, like the layers
 * panel's delete. The keys are the editor's only while a pasted region is active.
 */
import { removeLayer } from './remove-layer';
import { defineCommand } from './command';
import { layerName } from './layer-access';
import { activePastedRegionId } from './nudge-region';

export const removePastedRegion = defineCommand({
  id: 'remove-pasted-region',
  label: (_args: void, state) => `Delete ${layerName(state, state.session.activeLayerId)}`,
  history: 'record',
  shortcuts: [{ keys: 'Delete' }, { keys: 'Backspace' }],
  keysApply: (state) => activePastedRegionId(state) !== null,
  refusal: (state, _args, context) => {
    const layerId = activePastedRegionId(state);
    if (layerId === null) return 'select a pasted region to delete it';
    return removeLayer.refusal?.(state, { layerId }, context) ?? null;
  },
  perform: (draft, _args, context) => {
    removeLayer.perform(draft, { layerId: draft.session.activeLayerId }, context);
  },
});
