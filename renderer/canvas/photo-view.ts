/**
 * The Fabric canvas that displays the photo. It mirrors what it is given and owns no editor
 * state (STYLE.md 9).
 *
 * Coordinates: the scene is in full-resolution photo pixels. The preview (at most 2048 px long)
 * is scaled up to the photo's size inside the scene, and the viewport transform maps the scene
 * onto the view. Strokes drawn later therefore land in photo pixels directly, whatever the
 * preview's resolution.
 */
import { Canvas, FabricImage } from 'fabric';
import { fitToView, type Size, type ViewFit } from '../../shared/geometry/fit';
import type { OpenedPhoto } from '../../shared/photo/photo';

/** Space kept free around the fitted photo, in CSS pixels. */
const VIEW_MARGIN = 24;

export interface ShownPhoto extends ViewFit {
  readonly photoId: string;
  /** The photo's box in the view, in CSS pixels. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly viewWidth: number;
  readonly viewHeight: number;
}

export class PhotoView {
  readonly #canvas: Canvas;
  #photo: { readonly id: string; readonly size: Size; readonly image: FabricImage } | null = null;

  constructor(element: HTMLCanvasElement, size: Size) {
    this.#canvas = new Canvas(element, {
      width: size.width,
      height: size.height,
      selection: false,
      renderOnAddRemove: false,
      // Photo editors show the photo on a neutral grey so its colours are judged fairly.
      backgroundColor: '#2a2b30',
    });
  }

  /** Shows `photo` fitted to the view; resolves once it is drawn. */
  async show(photo: OpenedPhoto, signal: AbortSignal): Promise<ShownPhoto | null> {
    const { preview, info } = photo;
    const url = URL.createObjectURL(new Blob([preview.bytes.slice()], { type: preview.mimeType }));
    let image: FabricImage;
    try {
      image = await FabricImage.fromURL(url, { signal });
    } finally {
      URL.revokeObjectURL(url);
    }
    if (signal.aborted) return null;

    image.set({
      left: 0,
      top: 0,
      originX: 'left',
      originY: 'top',
      scaleX: info.width / preview.width,
      scaleY: info.height / preview.height,
      selectable: false,
      evented: false,
      objectCaching: false,
    });
    if (this.#photo) this.#canvas.remove(this.#photo.image);
    this.#canvas.add(image);
    this.#photo = { id: photo.photoId, size: info, image };
    return this.fit();
  }

  /** Resizes the view and fits the photo again. */
  resize(size: Size): ShownPhoto | null {
    this.#canvas.setDimensions(size);
    return this.fit();
  }

  fit(): ShownPhoto | null {
    const view = { width: this.#canvas.getWidth(), height: this.#canvas.getHeight() };
    if (!this.#photo) {
      this.#canvas.requestRenderAll();
      return null;
    }
    const { size } = this.#photo;
    const fit = fitToView(size, view, VIEW_MARGIN);
    this.#canvas.setViewportTransform([fit.zoom, 0, 0, fit.zoom, fit.offsetX, fit.offsetY]);
    // Drawn now rather than on the next frame, so "shown" means on screen.
    this.#canvas.renderAll();
    return {
      ...fit,
      photoId: this.#photo.id,
      left: fit.offsetX,
      top: fit.offsetY,
      width: size.width * fit.zoom,
      height: size.height * fit.zoom,
      viewWidth: view.width,
      viewHeight: view.height,
    };
  }

  dispose(): void {
    void this.#canvas.dispose();
  }
}
