/**
 * Places an iris: one mark in an iris layer, expanded into an outline (sketch) and a ring of
 * color when rasterized (shared/document/iris.ts explains why a mark and not strokes).
 */
import { castDraft } from 'immer';
import { findLayer, type IrisMark, type LayerId } from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerRefusal } from './layer-access';

export interface AddIrisMarkArgs {
  readonly layerId: LayerId;
  readonly mark: IrisMark;
}

export const addIrisMark = defineCommand<AddIrisMarkArgs>({
  id: 'add-iris-mark',
  label: 'Iris',
  history: 'record',
  refusal: (state, { layerId, mark }) => {
    const refusal = layerRefusal(state, layerId);
    if (refusal) return refusal;
    if (findLayer(state.document, layerId)?.kind !== 'iris')
      return 'iris marks go in an iris layer';
    if (!(mark.radius > 0)) return 'an iris needs a radius';
    return null;
  },
  perform: (draft, { layerId, mark }) => {
    const layer = draftLayer(draft, layerId);
    if (layer?.kind === 'iris') layer.marks.push(castDraft(mark));
  },
});
