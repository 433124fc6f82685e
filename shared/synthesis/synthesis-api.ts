/**
 * The synthesize call's request and response (DESIGN.md contract 3). The renderer sends the
 * whole document — a few kilobytes of strokes — with the revision it was made at; the backend
 * derives the network's view itself (shared/document/network-view.ts), so both processes agree
 * on what the network sees by construction.
 */
import { z } from 'zod';
import { FaceDocumentSchema } from '../document/document';
import { WorkAreaSchema } from '../document/work-area';
import { BytesSchema } from '../ipc/bytes';

export const SynthesizeRequestSchema = z.object({
  /** Chosen by the renderer; echoed back so it can match answers to questions. */
  requestId: z.string().min(1).max(100),
  /** The editor's document revision; only the newest one gets a result. */
  revision: z.number().int().nonnegative(),
  document: FaceDocumentSchema,
  /**
   * The side the view shows the work area at, in device pixels (the canvas at 100 % and
   * beyond). At least the work area's own side asks for the result at full resolution: the
   * pixels Export writes, returned for the changed region only.
   */
  previewSide: z.number().int().min(1).max(1_000_000).optional(),
});
export type SynthesizeRequest = z.infer<typeof SynthesizeRequestSchema>;

export const SynthesisResultSchema = z.object({
  /** The work area the pixels cover, photo pixels. */
  workArea: WorkAreaSchema,
  /** Side of the square raster (the model's resolution). */
  resolution: z.number().int().positive(),
  /**
   * RGBA, resolution², row-major: the network's output, alpha the feathered mask — draw it
   * scaled onto the work area, over the photo, and it shows exactly what an export would.
   */
  rgba: BytesSchema,
  /**
   * When present, `rgba` covers only this part of the resolution² square (the region the edit
   * can change; transparent elsewhere), in the square's pixels. Full-resolution results use it.
   */
  region: z
    .object({
      x: z.number().int().nonnegative(),
      y: z.number().int().nonnegative(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    })
    .optional(),
  inferenceMs: z.number().nonnegative(),
  /** Request received → response ready, in the backend. */
  backendMs: z.number().nonnegative(),
});
export type SynthesisResult = z.infer<typeof SynthesisResultSchema>;

export const SynthesizeResponseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('done'),
    requestId: z.string(),
    revision: z.number().int(),
    result: SynthesisResultSchema,
  }),
  /** A newer request replaced this one; nothing to show. */
  z.object({ status: z.literal('superseded'), requestId: z.string(), revision: z.number().int() }),
  /** The document's mask is empty: the photo itself is the result. */
  z.object({
    status: z.literal('nothing-to-do'),
    requestId: z.string(),
    revision: z.number().int(),
  }),
]);
export type SynthesizeResponse = z.infer<typeof SynthesizeResponseSchema>;

export const ApplyResultRequestSchema = z.object({
  /** The document whose edit is baked: the same inputs and seed as the result on screen. */
  document: FaceDocumentSchema,
});
export type ApplyResultRequest = z.infer<typeof ApplyResultRequestSchema>;
