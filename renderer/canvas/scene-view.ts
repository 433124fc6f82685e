/**
 * The Fabric canvas that displays the editor's scene (scene.ts). It mirrors what it is given —
 * the photo, the synthesized result over the work area, one overlay per layer, the work-area
 * frame, the eyedropper's loupe — and owns no editor state (STYLE.md 9).
 *
 * Coordinates: the scene is in full-resolution photo pixels. The photo's preview (at most 2048 px
 * long) is scaled up to the photo's size, the result (the model's resolution) is scaled onto the
 * work area, and the editor's viewport becomes Fabric's viewport transform. Strokes are data in
 * photo pixels, so they land where they belong whatever the preview's resolution.
 *
 * "Shown" means on screen: the photo-shown and result-drawn callbacks fire from Fabric's
 * after:render of the visible canvas, never from an export.
 */
import { FabricImage, StaticCanvas, type FabricObject } from 'fabric';
import { rgbToHex, type HexColor, type Point } from '../../shared/document';
import type { Size } from '../../shared/geometry/fit';
import type { OpenedPhoto } from '../../shared/photo/photo';
import type { StoredResult } from '../synthesis/result-store';
import type { PhotoDetail } from '../../shared/photo/photo-detail';
import { covers, detailRectFor, visibleRect, type DetailView, type Rect } from './detail-tile';
import { EyedropperLoupe } from './eyedropper-loupe';
import { OverlayObject } from './overlay-object';
import { PlacementFrame } from './placement-frame';
import type { Scene } from './scene';
import { WorkAreaFrame } from './work-area-frame';

/** Photo editors show the photo on a neutral grey so its colours are judged fairly. */
export const CANVAS_BACKGROUND = '#2a2b30';

export interface SceneAssets {
  photo(assetId: string): OpenedPhoto | undefined;
  result(assetId: string): StoredResult | undefined;
  /** The photo's own pixels for a rectangle at full resolution (the 100 % view); null: none. */
  detail?(assetId: string, rect: Rect): Promise<PhotoDetail | null>;
  /** The view has stayed put for a moment (the result may be asked for at a finer size). */
  viewSettled?(): void;
}

/** How long the view must stay put before full-resolution pixels are fetched for it. */
const DETAIL_DELAY_MS = 120;

export interface ShownPhoto {
  readonly photoId: string;
  /** View pixels per photo pixel. */
  readonly zoom: number;
  /** The photo's box in the view, in CSS pixels. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly viewWidth: number;
  readonly viewHeight: number;
}

export interface SceneViewCallbacks {
  /** A newly opened photo is on screen, fitted to the view. */
  onPhotoShown(shown: ShownPhoto): void;
  /** A result is on screen for the first time. */
  onResultDrawn(assetId: string): void;
  onError(message: string): void;
}

/** Which objects a read-back includes. */
export type ReadBackContent = 'photo' | 'photo-and-result' | 'screen';

export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface LoadedPhoto {
  readonly assetId: string;
  readonly image: FabricImage;
  /** The preview's pixels, read on the first eyedropper sample. */
  pixels: ImageData | null;
}

export class SceneView {
  private readonly canvas: StaticCanvas;
  private scene: Scene | null = null;
  private fitted = false;
  private readonly photos = new Map<string, LoadedPhoto>();
  private readonly loading = new Map<string, AbortController>();
  private result: { readonly stored: StoredResult; readonly image: FabricImage } | null = null;
  private readonly overlays = new Map<string, OverlayObject>();
  private readonly frame = new WorkAreaFrame();
  private readonly loupe = new EyedropperLoupe();
  private readonly placementFrame = new PlacementFrame();
  private shownPhotoId: string | null = null;
  private drawnResultId: string | null = null;
  /** Full-resolution pixels over the preview where the view magnifies it (the 100 % view). */
  private detail: {
    readonly assetId: string;
    readonly rect: Rect;
    readonly image: FabricImage;
  } | null = null;
  private detailWanted: { readonly assetId: string; readonly rect: Rect } | null = null;
  private detailTimer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private settledZoom = 0;

  constructor(
    element: HTMLCanvasElement,
    size: Size,
    private readonly assets: SceneAssets,
    private readonly callbacks: SceneViewCallbacks,
  ) {
    this.canvas = new StaticCanvas(element, {
      width: size.width,
      height: size.height,
      renderOnAddRemove: false,
      // Overlays draw in screen space and have no meaningful bounding box to cull by.
      skipOffscreen: false,
      backgroundColor: CANVAS_BACKGROUND,
    });
    this.canvas.on('after:render', ({ ctx }) => {
      if (ctx === this.canvas.getContext()) this.afterScreenRender();
    });
  }

  get size(): Size {
    return { width: this.canvas.getWidth(), height: this.canvas.getHeight() };
  }

  setSize(size: Size): void {
    if (size.width === this.canvas.getWidth() && size.height === this.canvas.getHeight()) return;
    this.canvas.setDimensions(size);
    this.canvas.requestRenderAll();
  }

  /** Mirrors `scene`; `fitted` says the viewport has been fitted to this view at least once. */
  show(scene: Scene, fitted: boolean): void {
    this.scene = scene;
    this.fitted = fitted;
    const { zoom, offsetX, offsetY } = scene.viewport;
    this.canvas.setViewportTransform([zoom, 0, 0, zoom, offsetX, offsetY]);
    this.canvas.remove(...this.canvas.getObjects());
    this.canvas.add(...this.objectsFor(scene));
    this.canvas.requestRenderAll();
    this.scheduleDetail(scene);
    this.scheduleSettled(scene);
  }

  /** Tells the assets once the zoom has changed and then stayed for a moment. */
  private scheduleSettled(scene: Scene): void {
    if (!this.assets.viewSettled || scene.viewport.zoom === this.settledZoom) return;
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    const zoom = scene.viewport.zoom;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.settledZoom = zoom;
      this.assets.viewSettled?.();
    }, DETAIL_DELAY_MS);
  }

  /** The full-resolution tile on screen, if any (for tests and the status of the 100 % view). */
  get detailShown(): Rect | null {
    return this.detail && this.detail.assetId === this.scene?.photo.assetId
      ? this.detail.rect
      : null;
  }

  private detailView(scene: Scene): DetailView | null {
    const photo = this.photos.get(scene.photo.assetId);
    if (!photo) return null;
    const { zoom, offsetX, offsetY } = scene.viewport;
    return {
      zoom,
      offsetX,
      offsetY,
      viewWidth: this.canvas.getWidth(),
      viewHeight: this.canvas.getHeight(),
      devicePixelRatio: globalThis.devicePixelRatio || 1,
      photoWidth: scene.photo.width,
      photoHeight: scene.photo.height,
      previewWidth: photo.image.width,
    };
  }

  /** Asks for full-resolution pixels once the view has stayed where it is for a moment. */
  private scheduleDetail(scene: Scene): void {
    const fetchDetail = this.assets.detail?.bind(this.assets);
    const view = this.detailView(scene);
    if (!fetchDetail || !view) return;
    const assetId = scene.photo.assetId;
    const visible = visibleRect(view);
    const wanted = detailRectFor(view);
    const current = this.detail;
    if (
      wanted === null ||
      visible === null ||
      (current && current.assetId === assetId && covers(current.rect, visible))
    )
      return;
    const pending = this.detailWanted;
    if (pending && pending.assetId === assetId && covers(pending.rect, visible)) return;
    if (this.detailTimer !== null) clearTimeout(this.detailTimer);
    this.detailTimer = setTimeout(() => {
      this.detailTimer = null;
      const request = { assetId, rect: wanted };
      this.detailWanted = request;
      fetchDetail(assetId, wanted)
        .then((detail) => {
          if (this.detailWanted !== request) return;
          this.detailWanted = null;
          if (!detail || this.scene?.photo.assetId !== assetId) return;
          this.detail = { assetId, rect: detail, image: detailImageOf(detail) };
          if (this.scene) this.show(this.scene, this.fitted);
        })
        .catch(() => {
          // The preview stays; the next view change asks again.
          if (this.detailWanted === request) this.detailWanted = null;
        });
    }, DETAIL_DELAY_MS);
  }

  /** The displayed color at a photo point: the photo, with the result blended over it. */
  sampleColor(point: Point): HexColor | null {
    const scene = this.scene;
    const photo = scene && this.photos.get(scene.photo.assetId);
    if (!scene || !photo) return null;
    const { width, height } = scene.photo;
    if (point.x < 0 || point.y < 0 || point.x >= width || point.y >= height) return null;
    photo.pixels ??= readImagePixels(photo.image.getElement());
    const pixels = photo.pixels;
    const px = Math.min(pixels.width - 1, Math.floor((point.x * pixels.width) / width));
    const py = Math.min(pixels.height - 1, Math.floor((point.y * pixels.height) / height));
    const at = 4 * (py * pixels.width + px);
    let r = pixels.data[at] ?? 0;
    let g = pixels.data[at + 1] ?? 0;
    let b = pixels.data[at + 2] ?? 0;
    const shown = scene.result && this.result?.stored.assetId === scene.result.assetId;
    if (shown && this.result && scene.result) {
      const { workArea, resolution, rgba, region } = this.result.stored;
      const box = region ?? { x: 0, y: 0, width: resolution, height: resolution };
      const rx = Math.floor(((point.x - workArea.x) * resolution) / workArea.size) - box.x;
      const ry = Math.floor(((point.y - workArea.y) * resolution) / workArea.size) - box.y;
      if (rx >= 0 && ry >= 0 && rx < box.width && ry < box.height) {
        const ra = 4 * (ry * box.width + rx);
        const alpha = ((rgba[ra + 3] ?? 0) / 255) * scene.result.opacity;
        r = r * (1 - alpha) + (rgba[ra] ?? 0) * alpha;
        g = g * (1 - alpha) + (rgba[ra + 1] ?? 0) * alpha;
        b = b * (1 - alpha) + (rgba[ra + 2] ?? 0) * alpha;
      }
    }
    return rgbToHex({ r, g, b });
  }

  /**
   * Renders part of the scene at one device pixel per photo pixel, off screen, through the same
   * Fabric objects the screen shows (for tests and, later, exports of the view).
   */
  readPixels(rect: PixelRect, content: ReadBackContent): ImageData | null {
    const scene = this.scene;
    const photo = scene && this.photos.get(scene.photo.assetId);
    if (!scene || !photo) return null;
    const objects: FabricObject[] =
      content === 'screen'
        ? this.canvas.getObjects()
        : [
            photo.image,
            ...(this.detailShown && this.detail ? [this.detail.image] : []),
            ...(content === 'photo-and-result' && this.result && scene.result
              ? [this.result.image]
              : []),
          ];
    const element = document.createElement('canvas');
    element.width = rect.width;
    element.height = rect.height;
    const ctx = element.getContext('2d');
    if (!ctx) return null;
    const canvas = this.canvas;
    const saved = {
      transform: canvas.viewportTransform,
      width: canvas.width,
      height: canvas.height,
      retina: canvas.enableRetinaScaling,
    };
    // What StaticCanvas.toCanvasElement does, with whole-pixel sizes it cannot round away.
    canvas.enableRetinaScaling = false;
    canvas.viewportTransform = [1, 0, 0, 1, -rect.x, -rect.y];
    canvas.width = rect.width;
    canvas.height = rect.height;
    try {
      canvas.renderCanvas(ctx, objects);
    } finally {
      canvas.viewportTransform = saved.transform;
      canvas.width = saved.width;
      canvas.height = saved.height;
      canvas.enableRetinaScaling = saved.retina;
      canvas.calcViewportBoundaries();
    }
    return ctx.getImageData(0, 0, rect.width, rect.height);
  }

  dispose(): void {
    if (this.detailTimer !== null) clearTimeout(this.detailTimer);
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.detailWanted = null;
    for (const abort of this.loading.values()) abort.abort();
    this.loading.clear();
    void this.canvas.dispose();
  }

  // ── Mirroring ──────────────────────────────────────────────────────────────────────────────

  private objectsFor(scene: Scene): FabricObject[] {
    const objects: FabricObject[] = [];
    const photo = this.photoImage(scene);
    if (photo) objects.push(photo);
    if (photo && this.detail) {
      if (this.detail.assetId === scene.photo.assetId) objects.push(this.detail.image);
      else this.detail = null; // another photo (an Apply makes a new one): its pixels go
    }
    const result = this.resultImage(scene);
    if (result) objects.push(result);
    const used = new Set<string>();
    for (const overlay of scene.overlays) {
      used.add(overlay.key);
      let object = this.overlays.get(overlay.key);
      if (object) object.setOverlay(overlay);
      else {
        object = new OverlayObject(overlay);
        this.overlays.set(overlay.key, object);
      }
      objects.push(object);
    }
    // Layers gone (undone, hidden) release their buffers.
    for (const key of [...this.overlays.keys()]) if (!used.has(key)) this.overlays.delete(key);
    this.frame.setFrame(scene.workArea);
    objects.push(this.frame);
    this.placementFrame.setPlacement(scene.placement);
    if (scene.placement) objects.push(this.placementFrame);
    this.loupe.setLoupe(scene.loupe);
    if (scene.loupe) objects.push(this.loupe);
    return objects;
  }

  private photoImage(scene: Scene): FabricImage | null {
    const { assetId, width, height } = scene.photo;
    const loaded = this.photos.get(assetId);
    if (loaded) {
      // The document's photo size is the full resolution; the preview may be smaller.
      loaded.image.set({
        scaleX: width / loaded.image.width,
        scaleY: height / loaded.image.height,
      });
      return loaded.image;
    }
    this.loadPhoto(assetId);
    return null;
  }

  private loadPhoto(assetId: string): void {
    if (this.loading.has(assetId)) return;
    const opened = this.assets.photo(assetId);
    if (!opened) return;
    const abort = new AbortController();
    this.loading.set(assetId, abort);
    const { preview } = opened;
    const url = URL.createObjectURL(new Blob([preview.bytes.slice()], { type: preview.mimeType }));
    FabricImage.fromURL(url, { signal: abort.signal })
      .then((image) => {
        if (abort.signal.aborted) return;
        image.set({
          left: 0,
          top: 0,
          originX: 'left',
          originY: 'top',
          selectable: false,
          evented: false,
          objectCaching: false,
        });
        // Only the photo on screen and the one being opened are kept.
        for (const id of [...this.photos.keys()]) {
          if (id !== this.scene?.photo.assetId) this.photos.delete(id);
        }
        this.photos.set(assetId, { assetId, image, pixels: null });
        if (this.scene) this.show(this.scene, this.fitted);
      })
      .catch(() => {
        if (!abort.signal.aborted)
          this.callbacks.onError('The photo’s preview could not be displayed.');
      })
      .finally(() => {
        URL.revokeObjectURL(url);
        this.loading.delete(assetId);
      });
  }

  private resultImage(scene: Scene): FabricImage | null {
    if (!scene.result) return null;
    const { assetId, opacity } = scene.result;
    if (this.result?.stored.assetId !== assetId) {
      const stored = this.assets.result(assetId);
      if (!stored) return null;
      this.result = { stored, image: resultImageOf(stored) };
    }
    this.result.image.set({ opacity });
    return this.result.image;
  }

  private afterScreenRender(): void {
    const scene = this.scene;
    if (!scene) return;
    const objects = this.canvas.getObjects();
    const photo = this.photos.get(scene.photo.assetId);
    if (
      this.fitted &&
      photo &&
      objects.includes(photo.image) &&
      this.shownPhotoId !== photo.assetId
    ) {
      this.shownPhotoId = photo.assetId;
      const { zoom, offsetX, offsetY } = scene.viewport;
      this.callbacks.onPhotoShown({
        photoId: photo.assetId,
        zoom,
        left: offsetX,
        top: offsetY,
        width: scene.photo.width * zoom,
        height: scene.photo.height * zoom,
        viewWidth: this.canvas.getWidth(),
        viewHeight: this.canvas.getHeight(),
      });
    }
    const result = this.result;
    if (result && objects.includes(result.image) && this.drawnResultId !== result.stored.assetId) {
      this.drawnResultId = result.stored.assetId;
      this.callbacks.onResultDrawn(result.stored.assetId);
    }
  }
}

/** Full-resolution pixels as an image at their place in the photo (one photo pixel each). */
function detailImageOf(detail: PhotoDetail): FabricImage {
  const element = document.createElement('canvas');
  element.width = detail.width;
  element.height = detail.height;
  element
    .getContext('2d')
    ?.putImageData(
      new ImageData(new Uint8ClampedArray(detail.rgba), detail.width, detail.height),
      0,
      0,
    );
  return new FabricImage(element, {
    left: detail.x,
    top: detail.y,
    originX: 'left',
    originY: 'top',
    selectable: false,
    evented: false,
    objectCaching: false,
  });
}

/** The result's RGBA as an image placed over its work area. */
function resultImageOf(stored: StoredResult): FabricImage {
  const { resolution, rgba, workArea } = stored;
  // A full-resolution result covers only the region the edit changes.
  const box = stored.region ?? { x: 0, y: 0, width: resolution, height: resolution };
  const scale = workArea.size / resolution;
  const element = document.createElement('canvas');
  element.width = box.width;
  element.height = box.height;
  element
    .getContext('2d')
    ?.putImageData(new ImageData(new Uint8ClampedArray(rgba), box.width, box.height), 0, 0);
  return new FabricImage(element, {
    left: workArea.x + box.x * scale,
    top: workArea.y + box.y * scale,
    originX: 'left',
    originY: 'top',
    scaleX: scale,
    scaleY: scale,
    selectable: false,
    evented: false,
    objectCaching: false,
  });
}

function readImagePixels(
  element: HTMLImageElement | HTMLCanvasElement | HTMLVideoElement,
): ImageData {
  const width = element instanceof HTMLImageElement ? element.naturalWidth : element.width;
  const height = element instanceof HTMLImageElement ? element.naturalHeight : element.height;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return new ImageData(1, 1);
  ctx.drawImage(element, 0, 0);
  return ctx.getImageData(0, 0, width, height);
}
