/**
 * The project methods' requests and responses (DESIGN.md contract 3): save, open, autosave and
 * crash recovery. Paths are absolute paths on the backend's machine; bytes are the whole
 * `.faceshop` file (a project dropped on the window, or opened in the browser host).
 */
import { z } from 'zod';
import { FaceDocumentSchema } from '../document/document';
import { BytesSchema } from '../ipc/bytes';
import { OpenedPhotoSchema } from '../photo/photo';
import { PROJECT_LIMITS } from './project-limits';
import { ProjectSessionSchema } from './project-session';
import { ProjectWarningSchema } from './project-warning';

const absolutePath = z.string().min(1).max(4096);
const displayFileName = z.string().min(1).max(255);

export const SaveProjectRequestSchema = z.object({
  document: FaceDocumentSchema,
  /**
   * Where to save ("Save" of a project that has a file). Absent or null: ask the person with
   * the native save dialog ("Save As", or the first save).
   */
  path: absolutePath.nullable().optional(),
  /** The file name the save dialog proposes, e.g. the photo's name with `.faceshop`. */
  suggestedName: displayFileName.optional(),
  /** The view, brushes, colours and undo history, kept beside the document. */
  session: ProjectSessionSchema.optional(),
});
export type SaveProjectRequest = z.infer<typeof SaveProjectRequestSchema>;

export const SavedProjectSchema = z.object({
  path: absolutePath,
  /** For the title bar. */
  fileName: displayFileName,
  savedAt: z.iso.datetime({ offset: true }),
  /** E.g. the original photo was no longer in memory; the file is saved all the same. */
  warnings: z.array(ProjectWarningSchema),
});
export type SavedProject = z.infer<typeof SavedProjectSchema>;

export const OpenProjectRequestSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('path'), path: absolutePath }),
  z.object({
    source: z.literal('bytes'),
    fileName: displayFileName,
    bytes: BytesSchema.refine(
      (bytes) => bytes.byteLength <= PROJECT_LIMITS.maxFileBytes,
      'file too large',
    ),
  }),
]);
export type OpenProjectRequest = z.infer<typeof OpenProjectRequestSchema>;

export const OpenedProjectSchema = z.object({
  /**
   * The file the project belongs to: where "Save" writes. Null for a project received as bytes
   * or a recovered project that was never saved.
   */
  path: absolutePath.nullable(),
  fileName: displayFileName,
  /** Where it came from: a recovered project has unsaved work (mark the title as modified). */
  origin: z.enum(['file', 'bytes', 'recovery']),
  document: FaceDocumentSchema,
  /**
   * Every photo of the project, registered in the backend under the id the document uses: the
   * document's photo first, then the original (when a result was applied) and paste sources.
   */
  photos: z.array(OpenedPhotoSchema).min(1),
  createdAt: z.iso.datetime({ offset: true }),
  modifiedAt: z.iso.datetime({ offset: true }),
  /** The FaceShop and model versions that saved it. */
  savedBy: z.object({
    appVersion: z.string(),
    model: z.object({ name: z.string(), version: z.string() }).nullable(),
  }),
  /** What was repaired or left out; empty for an intact file. */
  warnings: z.array(ProjectWarningSchema),
  /** The editing session as it was saved; null for older files or a damaged session entry. */
  session: ProjectSessionSchema.nullable().default(null),
});
export type OpenedProject = z.infer<typeof OpenedProjectSchema>;

export const AutosaveRequestSchema = z.object({
  document: FaceDocumentSchema,
  /** The project's file, if it has one, so a recovery can say which project it was. */
  projectPath: absolutePath.nullable(),
  session: ProjectSessionSchema.optional(),
});
export type AutosaveRequest = z.infer<typeof AutosaveRequestSchema>;

export const AutosavedSchema = z.object({
  savedAt: z.iso.datetime({ offset: true }),
  /** True when the document had not changed since the last autosave: nothing was written. */
  unchanged: z.boolean(),
});
export type Autosaved = z.infer<typeof AutosavedSchema>;

/** Work left behind by a session that did not exit cleanly, offered at the next start. */
export const RecoveryOfferSchema = z.object({
  savedAt: z.iso.datetime({ offset: true }),
  /** The project file the work belonged to; null for a project never saved. */
  projectPath: absolutePath.nullable(),
  /** What to call it in the prompt: the project's file name, or the photo's. */
  displayName: displayFileName,
});
export type RecoveryOffer = z.infer<typeof RecoveryOfferSchema>;
