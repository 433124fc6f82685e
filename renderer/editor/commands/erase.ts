/**
 * The general eraser's change: removes strokes, or the parts of strokes, that an eraser path
 * crosses on one layer (geometry in geometry/erase-strokes.ts). A pasted region's strokes are in
 * its own coordinates, so the path is mapped into them first. An eraser drag that touches
 * nothing changes nothing: no step, no new revision.
 */
import { castDraft, original } from 'immer';
import {
  findLayer,
  strokeChannelsOf,
  strokesOf,
  toLocalPoint,
  type Layer,
  type LayerId,
  type Point,
} from '../../../shared/document';
import { eraseFromStrokes, eraseIrisMarks, type EraserPath } from '../geometry/erase-strokes';
import { draftStrokes } from '../state/stroke-target';
import { defineCommand } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface EraseArgs {
  readonly layerId: LayerId;
  /** Photo pixels. */
  readonly path: readonly Point[];
  /** Photo pixels. */
  readonly width: number;
}

export const erase = defineCommand<EraseArgs>({
  id: 'erase',
  label: ({ layerId }, state) => `Erase on ${layerName(state, layerId)}`,
  history: 'record',
  refusal: (state, { layerId, path, width }) => {
    const refusal = layerRefusal(state, layerId);
    if (refusal) return refusal;
    if (findLayer(state.document, layerId)?.visible === false) return 'the layer is hidden';
    if (path.length === 0 || !(width > 0)) return 'the eraser path is empty';
    return null;
  },
  perform: (draft, { layerId, path, width }, context) => {
    const layer = draftLayer(draft, layerId);
    const base = layer && (original(layer) as Layer | undefined);
    if (!layer || !base) return;
    const eraser = eraserInLayerSpace(base, { points: path, width });
    if (layer.kind === 'iris' && base.kind === 'iris') {
      const kept = eraseIrisMarks(base.marks, eraser);
      if (kept !== base.marks) layer.marks = castDraft([...kept]);
      return;
    }
    for (const channel of strokeChannelsOf(base)) {
      const before = strokesOf(base, channel);
      const after = eraseFromStrokes(before, eraser, () => context.newId('stroke'));
      if (after === before) continue;
      const strokes = draftStrokes(layer, channel);
      strokes?.splice(0, strokes.length, ...castDraft(after));
    }
  },
});

function eraserInLayerSpace(layer: Layer, eraser: EraserPath): EraserPath {
  if (layer.kind !== 'pasted-region') return eraser;
  const { transform } = layer;
  return {
    points: eraser.points.map((point) => toLocalPoint(transform, point)),
    width: eraser.width / transform.scale,
  };
}
