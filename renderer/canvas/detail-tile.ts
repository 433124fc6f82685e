/**
 * When the canvas needs the photo's own full-resolution pixels, and for which part of it: at
 * zoom levels where the screen-sized preview would be scaled up (each preview pixel covering
 * more than one device pixel), the visible part of the photo — with a margin, so a small pan
 * does not ask again — is fetched at full resolution and laid over the preview. Fabric-free.
 */
import { MAX_DETAIL_SIDE } from '../../shared/photo/photo-detail';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DetailView {
  /** View (CSS) pixels per photo pixel, and the photo's origin in the view. */
  readonly zoom: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly viewWidth: number;
  readonly viewHeight: number;
  readonly devicePixelRatio: number;
  readonly photoWidth: number;
  readonly photoHeight: number;
  /** The preview's width in pixels (it has the photo's aspect). */
  readonly previewWidth: number;
}

/** The preview is enough until it is magnified by more than this. */
const PREVIEW_SLACK = 1.1;

/** The part of the photo to fetch at full resolution, or null when the preview is enough. */
export function detailRectFor(view: DetailView): Rect | null {
  const previewDensity = view.previewWidth / view.photoWidth;
  if (previewDensity >= 1) return null; // the preview is the full resolution
  const shownDensity = view.zoom * view.devicePixelRatio;
  if (shownDensity <= previewDensity * PREVIEW_SLACK) return null;
  const visible = visibleRect(view);
  return visible === null ? null : grown(visible, view);
}

/** A rectangle grown by an eighth on each side, clipped to the photo and to the largest tile. */
function grown(rect: Rect, view: DetailView): Rect {
  const axis = (start: number, length: number, limit: number): [number, number] => {
    const margin = Math.ceil(length / 8);
    let a = Math.max(0, start - margin);
    let b = Math.min(limit, start + length + margin);
    if (b - a > MAX_DETAIL_SIDE) {
      // Larger than one tile: the middle of what is on screen.
      const centre = start + length / 2;
      a = Math.max(0, Math.min(limit - MAX_DETAIL_SIDE, Math.round(centre - MAX_DETAIL_SIDE / 2)));
      b = a + MAX_DETAIL_SIDE;
    }
    return [a, b];
  };
  const [x0, x1] = axis(rect.x, rect.width, view.photoWidth);
  const [y0, y1] = axis(rect.y, rect.height, view.photoHeight);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Whether `outer` holds all of `inner`. */
export function covers(outer: Rect, inner: Rect): boolean {
  return (
    outer.x <= inner.x &&
    outer.y <= inner.y &&
    outer.x + outer.width >= inner.x + inner.width &&
    outer.y + outer.height >= inner.y + inner.height
  );
}

/** The visible part of the photo (no margin): what a tile must cover to be enough. */
export function visibleRect(view: DetailView): Rect | null {
  const x0 = Math.max(0, Math.floor(-view.offsetX / view.zoom));
  const y0 = Math.max(0, Math.floor(-view.offsetY / view.zoom));
  const x1 = Math.min(view.photoWidth, Math.ceil((view.viewWidth - view.offsetX) / view.zoom));
  const y1 = Math.min(view.photoHeight, Math.ceil((view.viewHeight - view.offsetY) / view.zoom));
  return x1 <= x0 || y1 <= y0 ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
