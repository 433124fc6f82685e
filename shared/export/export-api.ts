/**
 * Export (DESIGN.md contract 3): the edited photo at full resolution, written where the person
 * chose, in the format they chose. Never silently lossy: PNG and TIFF are lossless, WebP is
 * lossless unless a quality is given, JPEG always states its quality.
 */
import { z } from 'zod';
import { FaceDocumentSchema } from '../document/document';

export const EXPORT_FORMATS = ['png', 'jpeg', 'tiff', 'webp'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** File-name extension per format (the first is the one a new file gets). */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, readonly string[]>> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  tiff: ['tif', 'tiff'],
  webp: ['webp'],
};

export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  png: 'PNG (lossless)',
  jpeg: 'JPEG',
  tiff: 'TIFF (lossless)',
  webp: 'WebP',
};

const absolutePath = z.string().min(1).max(4096);

export const ExportPhotoRequestSchema = z.object({
  document: FaceDocumentSchema,
  format: ExportFormatSchema,
  /** 1–100: JPEG's quality, or lossy WebP's; absent means 95 for JPEG and lossless WebP. */
  quality: z.number().int().min(1).max(100).optional(),
  /** Where to write; absent or null asks with the native save dialog. */
  path: absolutePath.nullable().optional(),
  /** The file name the save dialog proposes, e.g. "portrait (FaceShop).jpg". */
  suggestedName: z.string().min(1).max(255).optional(),
});
export type ExportPhotoRequest = z.infer<typeof ExportPhotoRequestSchema>;

export const ExportedPhotoSchema = z.object({
  path: absolutePath,
  fileName: z.string().min(1).max(255),
  format: ExportFormatSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fileBytes: z.number().int().nonnegative(),
  /** False when the document had no mask paint: the photo was exported as it is. */
  edited: z.boolean(),
});
export type ExportedPhoto = z.infer<typeof ExportedPhotoSchema>;

/** The name an export proposes: the photo's name, marked, with the format's extension. */
export function suggestedExportName(photoFileName: string, format: ExportFormat): string {
  const stem = photoFileName.replace(/\.[^./\\]*$/, '') || 'photo';
  return `${stem} (FaceShop).${EXPORT_EXTENSIONS[format][0]}`;
}

/** The path with its extension made to match the format (an existing matching one is kept). */
export function withExportExtension(filePath: string, format: ExportFormat): string {
  const match = /\.([^./\\]*)$/.exec(filePath);
  const ext = match?.[1]?.toLowerCase();
  if (ext !== undefined && EXPORT_EXTENSIONS[format].includes(ext)) return filePath;
  return `${filePath}.${EXPORT_EXTENSIONS[format][0]}`;
}

/** Whether a typed path is absolute on the backend's machine (POSIX or a Windows drive). */
export function isAbsolutePathText(text: string): boolean {
  return text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text);
}
