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

export const AppStatusSchema = z.object({
  appVersion: z.string(),
  model: ModelStatusSchema,
  capabilities: z.object({
    /** The backend can show the operating system's file dialog (Electron, not the browser host). */
    nativeOpenDialog: z.boolean(),
  }),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;
