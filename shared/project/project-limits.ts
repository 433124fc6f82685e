/**
 * What the loader agrees to unpack. Every limit is checked against the zip's central directory
 * BEFORE any entry is inflated, and the reader then refuses any entry that inflates to more
 * than its declared size, so a hostile archive costs at most these many bytes of memory.
 *
 * - Assets are photos, each within the photo file limit the app already applies to a photo
 *   opened on its own (512 MB).
 * - The total allows an original and an applied result at that limit plus paste sources; a
 *   real project is a few tens of MB.
 * - The document is strokes as JSON: a heavy edit is a few MB; 64 MB is far beyond any
 *   person's drawing yet far below what exhausts memory when parsed.
 * - A compression ratio above 200:1 is a bomb's signature (deflate reaches ~1000:1 on
 *   repeated bytes; photos are stored, JSON strokes deflate ~3–10:1). Entries below 1 MB are
 *   exempt: whatever their ratio, they cannot hurt.
 */
import { MAX_PHOTO_FILE_BYTES } from '../photo/photo-limits';

const MiB = 1024 * 1024;

export const PROJECT_LIMITS = {
  /** Entries in the central directory, known or not. */
  maxEntries: 64,
  /** Photos in one project: the original, applied results, paste sources. */
  maxAssets: 32,
  maxManifestBytes: 1 * MiB,
  maxDocumentBytes: 64 * MiB,
  maxPreviewBytes: 8 * MiB,
  /** The editing session: 200 undo steps of strokes, a few MB at most. */
  maxSessionBytes: 32 * MiB,
  maxAssetBytes: MAX_PHOTO_FILE_BYTES,
  /** Sum of the declared uncompressed sizes of every entry the loader reads. */
  maxTotalBytes: 2 * MAX_PHOTO_FILE_BYTES + 128 * MiB,
  /** The project file itself (what is read from disk or received over IPC). */
  maxFileBytes: 2 * MAX_PHOTO_FILE_BYTES + 128 * MiB,
  maxCompressionRatio: 200,
  /** Entries smaller than this (uncompressed) are not held to the ratio. */
  ratioExemptBytes: 1 * MiB,
} as const;

export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}
