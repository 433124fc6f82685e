/**
 * What the loader repaired or left out while opening a project. A warning means the project
 * opened; the person should hear what changed before they save over the file.
 */
import { z } from 'zod';

export const ProjectWarningCodeSchema = z.enum([
  /** A stroke or iris mark was malformed and was dropped. */
  'item-dropped',
  /** A layer was malformed (unknown kind, missing fields) and was dropped. */
  'layer-dropped',
  /** A pasted region's source photo is missing from the archive; the region was dropped. */
  'pasted-region-dropped',
  /** A base layer (mask, sketch, color, iris) was missing and an empty one was added. */
  'layer-added',
  /** Two things shared an id; the later one got a new id or was dropped. */
  'duplicate-id',
  /** A stroke's color did not fit its channel and was corrected. */
  'color-fixed',
  /** The work area reached outside the photo and was moved inside. */
  'work-area-moved',
  /** A photo listed in the manifest is missing or damaged and was left out. */
  'asset-dropped',
  /** The preview thumbnail is damaged; it will be rewritten on the next save. */
  'preview-dropped',
  /** The editing session (view, brushes, undo history) was damaged and left out. */
  'session-dropped',
  /** Entries the format does not define were ignored (never unpacked). */
  'entries-ignored',
  /** The project was written by an older format version and was converted. */
  'migrated',
  /** While saving: the original photo was no longer in memory; the earliest version was kept. */
  'original-missing',
  /** While saving: versions between the original and the document's photo were released. */
  'versions-dropped',
]);
export type ProjectWarningCode = z.infer<typeof ProjectWarningCodeSchema>;

export const ProjectWarningSchema = z.object({
  code: ProjectWarningCodeSchema,
  /** A sentence for the person. */
  message: z.string(),
});
export type ProjectWarning = z.infer<typeof ProjectWarningSchema>;
