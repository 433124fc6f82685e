/**
 * What Help → About shows: the app, the model it runs (from the model's manifest) and the
 * runtime versions a bug report needs. Electron and Chromium are null where the backend does
 * not run in Electron (the browser host); the renderer then names the browser it runs in.
 */
import { z } from 'zod';
import { InferenceStatusSchema, ModelStatusSchema } from './app-status';

export const AboutInfoSchema = z.object({
  appName: z.string(),
  appVersion: z.string(),
  model: ModelStatusSchema,
  /** Where the models were read from, so a person can tell a packaged model from an override. */
  modelsDir: z.string().nullable(),
  inference: InferenceStatusSchema,
  runtime: z.object({
    electron: z.string().nullable(),
    chromium: z.string().nullable(),
    node: z.string(),
    onnxruntime: z.string(),
    sharp: z.string(),
    libvips: z.string().nullable(),
    platform: z.string(),
    arch: z.string(),
  }),
});
export type AboutInfo = z.infer<typeof AboutInfoSchema>;
