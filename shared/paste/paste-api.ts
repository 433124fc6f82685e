/**
 * Smart copy-paste over IPC (issue 7): the renderer names a source photo the backend holds, the
 * square framing its face and a selection on it; the backend answers with the region as strokes
 * (mask, sketch, colour) in region coordinates, ready for the editor's `add-pasted-region`.
 *
 * A selection is a rectangle or a lasso in source photo pixels, or an aligned face part placed
 * from the source work area (shared/paste/face-parts.ts). Pixels never cross: only strokes do,
 * so the network renders the pasted feature in the target's light.
 */
import { z } from 'zod';
import { WorkAreaSchema } from '../document/work-area';
import { StrokeSchema } from '../document/stroke';
import { PhotoIdSchema } from '../photo/photo';
import { FACE_PART_NAMES, LANDMARK_COUNT } from './face-parts';

const coordinate = z.number().min(-1_000_000).max(1_000_000);
export const PastePointSchema = z.object({ x: coordinate, y: coordinate });

/** A lasso is drawn by hand; a few thousand points is more than any drag produces. */
export const MAX_LASSO_POINTS = 4096;

export const PasteSelectionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rectangle'),
    x: coordinate,
    y: coordinate,
    width: z.number().positive().max(1_000_000),
    height: z.number().positive().max(1_000_000),
  }),
  z.object({
    kind: z.literal('lasso'),
    points: z.array(PastePointSchema).min(3).max(MAX_LASSO_POINTS),
  }),
  z.object({
    kind: z.literal('face-part'),
    part: z.enum(FACE_PART_NAMES),
    /**
     * The source face's 68 landmarks (photo pixels) when the backend found them: the part is
     * outlined around them instead of where the mean face has it. Kept with the selection so a
     * saved project outlines the same region again.
     */
    landmarks: z.array(PastePointSchema).length(LANDMARK_COUNT).optional(),
  }),
]);
export type PasteSelection = z.infer<typeof PasteSelectionSchema>;

export const ConvertPasteRegionRequestSchema = z.object({
  /** A photo opened with `openPhoto` (or registered by `openProject`). */
  sourcePhotoId: PhotoIdSchema,
  /** The square framing the source face: the scale the sketch domain reads it at. */
  sourceArea: WorkAreaSchema,
  selection: PasteSelectionSchema,
  /**
   * The target document's photo and work area, when the renderer has them: the colour strokes
   * are then relit to the target's light where the region lands by default (the same place in
   * the target's work area as the selection in the source's). Without it, the source's colours.
   */
  target: z.object({ photoId: PhotoIdSchema, workArea: WorkAreaSchema }).optional(),
});
export type ConvertPasteRegionRequest = z.infer<typeof ConvertPasteRegionRequestSchema>;

const strokes = z.array(StrokeSchema);

export const ConvertedPasteRegionSchema = z.object({
  /** In region coordinates: source pixels relative to `origin`. */
  channels: z.object({ mask: strokes.min(1), sketch: strokes, color: strokes }),
  /** The selection's centre in source photo pixels (region space's origin). */
  origin: PastePointSchema,
  /** The selection as a polygon in source photo pixels (the preset or rectangle resolved). */
  polygon: z.array(PastePointSchema).min(3),
  /** Line pixels the sketch domain found inside the selection (0: a featureless region). */
  linePixels: z.number().int().nonnegative(),
});
export type ConvertedPasteRegion = z.infer<typeof ConvertedPasteRegionSchema>;
