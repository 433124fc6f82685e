/**
 * The camera: how photo pixels map onto the canvas. view = photo × zoom + offset. Session state:
 * never saved, never undone.
 */
export interface Viewport {
  /** View pixels per photo pixel. */
  readonly zoom: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export interface ViewSize {
  readonly width: number;
  readonly height: number;
}

export const IDENTITY_VIEWPORT: Viewport = { zoom: 1, offsetX: 0, offsetY: 0 };

/** From a thumbnail of a 100-megapixel photo to single pixels the size of a fingertip. */
export const MIN_ZOOM = 0.01;
export const MAX_ZOOM = 32;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** Zooms by `factor` keeping the photo point under the view point `anchor` where it is. */
export function zoomAround(
  viewport: Viewport,
  factor: number,
  anchor: { readonly x: number; readonly y: number },
): Viewport {
  const zoom = clampZoom(viewport.zoom * factor);
  const photoX = (anchor.x - viewport.offsetX) / viewport.zoom;
  const photoY = (anchor.y - viewport.offsetY) / viewport.zoom;
  return { zoom, offsetX: anchor.x - photoX * zoom, offsetY: anchor.y - photoY * zoom };
}
