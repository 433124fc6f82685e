/**
 * The backend's `convertPasteRegion`: a selection on a source photo the store holds becomes the
 * strokes of a pasted-region layer (region-to-strokes.ts). The sketch-domain graph is opened on
 * the first conversion and kept: it is small, and every paste needs it.
 *
 * Failures come back as typed errors: the source photo no longer held (`photo-not-found`), a
 * work area outside the photo or a selection that cannot be pasted (`paste-selection-invalid`),
 * the sketch-domain model missing or damaged (`model-unavailable`). Given the target's photo
 * and work area, the colour strokes come back relit to the target's light (region-to-strokes.ts).
 */
import type { BackendHandlers } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/result';
import { selectionPolygon, selectionRefusal } from '../../../shared/paste/paste-selection';
import type { PhotoStore } from '../photos/photo-store';
import { SketchDomain } from '../sketch/sketch-domain';
import { photoSourceOf } from '../synthesis/editor-synthesis';
import type { PhotoSource } from '../synthesis/synthesizer';
import { checkWorkArea, type WorkArea } from '../synthesis/work-area';
import { regionToStrokes } from './region-to-strokes';

export interface PasteHandlerDependencies {
  readonly modelsDir: string;
  readonly photos: PhotoStore;
}

export type PasteHandlers = Pick<BackendHandlers, 'convertPasteRegion'>;

export function createPasteHandlers(deps: PasteHandlerDependencies): PasteHandlers {
  let sketcher: Promise<SketchDomain> | null = null;
  const openSketcher = (): Promise<SketchDomain> => {
    if (sketcher === null) {
      const opening = SketchDomain.open(deps.modelsDir);
      // A failed open is retried next time (the person may install the model meanwhile).
      opening.catch(() => {
        if (sketcher === opening) sketcher = null;
      });
      sketcher = opening;
    }
    return sketcher;
  };

  return {
    async convertPasteRegion({ sourcePhotoId, sourceArea, selection, target }) {
      const asset = deps.photos.get(sourcePhotoId);
      if (!asset) {
        return fail('photo-not-found', 'The source photo is no longer open; open it again.');
      }
      const { width, height } = asset.info;
      const areaProblem = checkWorkArea(sourceArea, width, height);
      if (areaProblem !== null) {
        return fail('paste-selection-invalid', `Source work area: ${areaProblem}.`);
      }
      const polygon = selectionPolygon(selection, sourceArea);
      const refusal = selectionRefusal(polygon, sourceArea);
      if (refusal !== null) return fail('paste-selection-invalid', `Cannot paste: ${refusal}.`);

      let relightTo: { source: PhotoSource; area: WorkArea } | undefined;
      if (target !== undefined) {
        const targetAsset = deps.photos.get(target.photoId);
        if (!targetAsset) {
          return fail('photo-not-found', 'The target photo is no longer open; open it again.');
        }
        const { width: tw, height: th } = targetAsset.info;
        const targetProblem = checkWorkArea(target.workArea, tw, th);
        if (targetProblem !== null) {
          return fail('paste-selection-invalid', `Target work area: ${targetProblem}.`);
        }
        relightTo = { source: photoSourceOf(targetAsset), area: target.workArea };
      }

      let domain: SketchDomain;
      try {
        domain = await openSketcher();
      } catch (error) {
        return fail(
          'model-unavailable',
          `The sketch-domain model could not be opened: ${(error as Error).message}`,
        );
      }
      const converted = await regionToStrokes(
        domain,
        photoSourceOf(asset),
        sourceArea,
        polygon,
        relightTo === undefined ? {} : { relightTo },
      );
      if (converted.channels.mask.length === 0) {
        return fail('paste-selection-invalid', 'Cannot paste: the selection covers no pixels.');
      }
      return ok({
        channels: {
          mask: [...converted.channels.mask],
          sketch: [...converted.channels.sketch],
          color: [...converted.channels.color],
        },
        origin: converted.origin,
        polygon,
        linePixels: converted.linePixels,
      });
    },
  };
}
