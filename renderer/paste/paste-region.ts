/**
 * The Paste action: the backend converts the selection into strokes, and the editor adds them
 * as a pasted-region layer placed where the part sits on the target (a face part onto the
 * target's own part by the two faces' landmarks; otherwise the same place relative to the
 * target's work area as in the source's), then selects the place tool so its handles show.
 * Adding the layer changes what the network sees, so the editor asks for a synthesis by itself.
 */
import type { BackendApi } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { PasteSelection } from '../../shared/paste/paste-api';
import { PhotoIdSchema } from '../../shared/photo/photo';
import type { Point } from '../../shared/document';
import { defaultPlacement, landmarkPlacement } from '../../shared/paste/placement';
import { commands, type Editor } from '../editor';
import type { PasteSource } from './source-opener';
import { selectionLabel } from './source-geometry';

export interface PastedRegion {
  readonly layerId: string;
  readonly revision: number;
  readonly placedBy: 'landmarks' | 'work-area';
  readonly landmarksMissing: 'source' | 'target' | 'both' | null;
}

export async function pasteRegion(
  backend: Pick<BackendApi, 'convertPasteRegion'>,
  editor: Editor,
  source: PasteSource,
  selection: PasteSelection,
  /** The target face's landmarks: a preset's part is aligned onto the target's own part. */
  targetLandmarks: readonly Point[] | null = null,
): Promise<Result<PastedRegion>> {
  const { photo, workArea } = editor.document;
  // Relit to the target's light where the region lands (the default placement); a document
  // whose photo the backend does not hold by id pastes the source's colours as they are.
  const target = PhotoIdSchema.safeParse(photo.assetId).success
    ? { target: { photoId: photo.assetId, workArea } }
    : {};
  const converted = await backend.convertPasteRegion({
    sourcePhotoId: source.photo.photoId,
    sourceArea: source.workArea,
    selection,
    ...target,
  });
  if (!converted.ok) return converted;
  const { channels, origin } = converted.value;
  // A face part goes onto the target's own part (a landmark similarity transform) when both
  // faces' landmarks are known; otherwise where it sat relative to the source's work area.
  const sourceLandmarks =
    selection.kind === 'face-part'
      ? (selection.landmarks ?? source.photo.landmarks)
      : source.photo.landmarks;
  const byLandmarks =
    selection.kind === 'face-part'
      ? landmarkPlacement(
          selection.part,
          origin,
          source.workArea,
          sourceLandmarks,
          editor.document.workArea,
          targetLandmarks,
        )
      : null;
  const transform =
    byLandmarks ?? defaultPlacement(origin, source.workArea, editor.document.workArea);
  const missing = [!sourceLandmarks && 'source', !targetLandmarks && 'target'].filter(Boolean);
  const landmarksMissing =
    missing.length === 2
      ? 'both'
      : missing.length === 1
        ? (missing[0] as 'source' | 'target')
        : null;
  const outcome = editor.run(commands.addPastedRegion, {
    sourceAssetId: source.photo.photoId,
    channels,
    transform,
    name: selectionLabel(selection),
  });
  if (outcome.status !== 'applied') {
    return fail(
      'invalid-request',
      outcome.status === 'refused' ? outcome.reason : 'nothing pasted',
    );
  }
  editor.run(commands.selectTool, 'place-region');
  return ok({
    layerId: editor.session.activeLayerId,
    revision: editor.revision,
    placedBy: byLandmarks ? 'landmarks' : 'work-area',
    landmarksMissing,
  });
}
