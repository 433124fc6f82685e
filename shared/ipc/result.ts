/**
 * The envelope every backend call returns. Errors travel as data with a typed code, never as a
 * thrown exception across the process boundary: Electron flattens a thrown error into a string
 * and the browser host would lose it entirely, so the renderer could not tell "not an image"
 * from "the backend crashed".
 */
import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  /** The payload did not match the contract's request schema. */
  'invalid-request',
  /** No method of that name is in the contract. */
  'unknown-method',
  /** The call came from a frame or origin that is not the app's own page. */
  'forbidden-sender',
  /** The platform cannot do this (e.g. a native dialog in the browser host). */
  'unsupported',
  'photo-not-found',
  'photo-unreadable',
  'photo-unsupported-format',
  'photo-too-large',
  /** No project file at that path. */
  'project-not-found',
  /**
   * Not a FaceShop project, or one that cannot be opened safely: not a zip, damaged, too large,
   * a zip bomb, paths escaping the archive, missing entries, invalid manifest or document.
   */
  'project-unreadable',
  /** Saved by a newer FaceShop (a schema version this one does not know). */
  'project-too-new',
  /** The project could not be written (disk full, no permission); the old file is intact. */
  'project-save-failed',
  /**
   * Smart copy-paste: the selection or the source work area cannot be converted (outside the
   * photo or the work area, too small, covering nothing).
   */
  'paste-selection-invalid',
  /** The edited photo could not be rendered or written; a file it would replace is intact. */
  'export-failed',
  /** The synthesis model is missing, damaged, or could not start; the message says which. */
  'model-unavailable',
  /** The call could not reach the backend or its reply was malformed. */
  'transport',
  /** A bug in the backend; the message is safe to show, details are in the backend's log. */
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const BackendErrorSchema = z.object({
  code: ErrorCodeSchema,
  /** A sentence for the person using the app. */
  message: z.string(),
});
export type BackendError = z.infer<typeof BackendErrorSchema>;

export type Success<T> = { readonly ok: true; readonly value: T };
export type Failure = { readonly ok: false; readonly error: BackendError };
export type Result<T> = Success<T> | Failure;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}

/** The zod schema of `Result<T>` for a given value schema. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: BackendErrorSchema }),
  ]);
}
