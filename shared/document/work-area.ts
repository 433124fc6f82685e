/**
 * The work area: the square of the photo the network works on. The synthesis pipeline crops it,
 * scales it to the model's resolution and composites the result back, so the face should fill
 * most of it. Whole photo pixels, always inside the photo.
 */
import { z } from 'zod';
import type { PhotoRef } from './photo-ref';

export interface WorkArea {
  /** Top-left corner, photo pixels. */
  readonly x: number;
  readonly y: number;
  /** Side of the square, photo pixels. */
  readonly size: number;
}

/**
 * Smaller squares hold too little face for the network to infer anything from context; photos
 * smaller than this in either direction get a work area as large as they allow.
 */
export const MIN_WORK_AREA_SIZE = 32;

export const WorkAreaSchema = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  size: z.number().int().positive(),
});

/** The largest square the photo holds, centered: the best guess before a face is detected. */
export function defaultWorkArea(photo: PhotoRef): WorkArea {
  const size = Math.min(photo.width, photo.height);
  return {
    x: Math.floor((photo.width - size) / 2),
    y: Math.floor((photo.height - size) / 2),
    size,
  };
}

/** Rounds to whole pixels, bounds the size, then slides the square back inside the photo. */
export function clampWorkArea(area: WorkArea, photo: PhotoRef): WorkArea {
  const largest = Math.min(photo.width, photo.height);
  const size = Math.min(
    largest,
    Math.max(Math.min(MIN_WORK_AREA_SIZE, largest), Math.round(area.size)),
  );
  return {
    x: Math.min(photo.width - size, Math.max(0, Math.round(area.x))),
    y: Math.min(photo.height - size, Math.max(0, Math.round(area.y))),
    size,
  };
}

export function isWorkAreaInside(area: WorkArea, photo: PhotoRef): boolean {
  return area.x + area.size <= photo.width && area.y + area.size <= photo.height;
}
