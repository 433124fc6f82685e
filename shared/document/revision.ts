/**
 * A document revision numbers the states of a document as the network sees them, for
 * latest-wins synthesis: each request carries the revision it was made for and a result is shown
 * only if it still matches.
 *
 * The editor keeps the counter, not the document: it only ever grows within a session, and undo
 * produces a NEW revision rather than restoring an old one, so a late result computed for the
 * state before the undo can never be mistaken for the current one. It is not saved either; a
 * reopened project starts counting again.
 */
import { z } from 'zod';

export type DocumentRevision = number;

export const DocumentRevisionSchema = z.number().int().nonnegative();

export const FIRST_REVISION: DocumentRevision = 1;
