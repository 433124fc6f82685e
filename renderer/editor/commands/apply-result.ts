/**
 * "Apply": bakes the current result into the photo so the next edits build on it, FaceShop's
 * iterative workflow. The backend composites the result into a new full-size photo asset; this
 * command makes that asset the document's photo, as one undoable step.
 *
 * The step also empties every layer and removes pasted regions: those strokes described the edit
 * the photo now contains. Left in place they would keep the old mask, and the network would
 * repaint the finished region again on top of itself. Undo restores photo and strokes together.
 */
import type { AssetId, DocumentRevision } from '../../../shared/document';
import { defineCommand } from './command';

export interface ApplyResultArgs {
  /** The new photo: the old one with the result composited in (made by the backend). */
  readonly photoAssetId: AssetId;
  /** The revision the result was synthesized for. */
  readonly resultRevision: DocumentRevision;
}

export const applyResult = defineCommand<ApplyResultArgs>({
  id: 'apply-result',
  label: 'Apply result',
  history: 'record',
  refusal: (state, { photoAssetId, resultRevision }, context) => {
    // A result for an older revision does not show the strokes as they are now; baking it in
    // would silently drop the person's latest strokes.
    if (resultRevision !== context.revision) return 'the result is out of date';
    if (photoAssetId === state.document.photo.assetId) return 'this result is already applied';
    return null;
  },
  perform: (draft, { photoAssetId }) => {
    const { document } = draft;
    document.photo.assetId = photoAssetId;
    // Splice in place: assigning a filtered copy would record the whole layer list as changed.
    for (let index = document.layers.length - 1; index >= 0; index -= 1) {
      if (document.layers[index]?.kind === 'pasted-region') document.layers.splice(index, 1);
    }
    for (const layer of document.layers) {
      if (layer.kind === 'iris') {
        if (layer.marks.length > 0) layer.marks = [];
      } else if (layer.kind !== 'pasted-region' && layer.strokes.length > 0) {
        layer.strokes = [];
      }
    }
    // The baked result is now the photo; showing it again as a layer would double it.
    draft.session.result = null;
  },
});
