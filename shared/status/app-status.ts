/** What the app reports about itself: version, whether the model is installed, what it can do. */
import { z } from 'zod';

export const ModelStatusSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('installed'),
    name: z.string(),
    version: z.string(),
    /** The network's native square resolution in pixels, when the manifest states it. */
    resolution: z.number().int().positive().nullable(),
  }),
  z.object({ state: z.literal('not-installed'), message: z.string() }),
  z.object({ state: z.literal('invalid'), message: z.string() }),
]);
export type ModelStatus = z.infer<typeof ModelStatusSchema>;

/**
 * The inference runtime: whether the model session is open, and which execution provider it
 * runs on and why (e.g. "CPU — No GPU provider is available on this system"). The model loads
 * in the background, so early answers say `not-loaded`.
 */
export const InferenceStatusSchema = z.object({
  state: z.enum(['not-loaded', 'ready', 'failed']),
  message: z.string(),
  /** Once loaded: the full-resolution refiner's line ("refiner <name> <version>", or why none). */
  refiner: z.string().max(500).optional(),
});
export type InferenceStatus = z.infer<typeof InferenceStatusSchema>;

export const AppStatusSchema = z.object({
  appVersion: z.string(),
  model: ModelStatusSchema,
  /** Optional so an older backend's answer still parses. */
  inference: InferenceStatusSchema.optional(),
  capabilities: z.object({
    /** The backend can show the operating system's file dialog (Electron, not the browser host). */
    nativeOpenDialog: z.boolean(),
  }),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;
