/** Makes a layer active (the layers panel). Session state, not recorded, like selecting a tool. */
import { findLayer, type LayerId } from '../../../shared/document';
import { defineCommand } from './command';

export const setActiveLayer = defineCommand<LayerId>({
  id: 'set-active-layer',
  label: 'Select layer',
  history: 'ignore',
  refusal: (state, layerId) =>
    findLayer(state.document, layerId) ? null : `there is no layer "${layerId}"`,
  perform: (draft, layerId) => {
    draft.session.activeLayerId = layerId;
  },
});
