/**
 * Adds a pasted region (smart copy-paste): strokes taken from another face, in the region's own
 * coordinates, placed by a transform. It goes on top, below the iris layers so irises stay
 * clickable, and becomes the active layer so the next strokes refine it.
 */
import { castDraft } from 'immer';
import type {
  AssetId,
  PastedRegionLayer,
  PlacementTransform,
  StrokeChannels,
} from '../../../shared/document';
import { defineCommand } from './command';

export interface AddPastedRegionArgs {
  readonly sourceAssetId: AssetId;
  readonly channels: StrokeChannels;
  readonly transform: PlacementTransform;
  readonly name?: string;
}

export const addPastedRegion = defineCommand<AddPastedRegionArgs>({
  id: 'add-pasted-region',
  label: 'Paste region',
  history: 'record',
  refusal: (_state, { transform }) =>
    transform.scale > 0 ? null : 'a region needs a positive scale',
  perform: (draft, { sourceAssetId, channels, transform, name }, context) => {
    const { layers } = draft.document;
    const count = layers.filter((layer) => layer.kind === 'pasted-region').length;
    const region: PastedRegionLayer = {
      id: context.newId('layer'),
      name: name ?? `Region ${count + 1}`,
      kind: 'pasted-region',
      visible: true,
      opacity: 1,
      locked: false,
      sourceAssetId,
      channels,
      transform,
    };
    const firstIris = layers.findIndex((layer) => layer.kind === 'iris');
    layers.splice(firstIris === -1 ? layers.length : firstIris, 0, castDraft(region));
    draft.session.activeLayerId = region.id;
  },
});
