/**
 * One overlay of the scene (a layer's mask, or its lines and colors) as a Fabric object. Its
 * strokes are painted into a buffer the size of the target canvas and composited with the
 * overlay's alpha: one even tint however strokes overlap, and erase strokes that remove only
 * this layer's paint. The buffer is repainted only when the overlay's content, the transform or
 * the target's size changed, so a pointer move that only changes the preview repaints one buffer.
 */
import type { Overlay } from './scene';
import { ScreenSpaceObject } from './screen-space-object';
import { paintStrokes } from './stroke-painter';

export class OverlayObject extends ScreenSpaceObject {
  private overlay: Overlay;
  private buffer: HTMLCanvasElement | null = null;
  private paintedKey: readonly unknown[] = [];

  constructor(overlay: Overlay) {
    super();
    this.overlay = overlay;
  }

  setOverlay(overlay: Overlay): void {
    this.overlay = overlay;
  }

  protected override drawScreen(ctx: CanvasRenderingContext2D): void {
    const { width, height } = ctx.canvas;
    if (width === 0 || height === 0 || this.overlay.alpha <= 0) return;
    const m = ctx.getTransform();
    const key = [...this.overlay.version, m.a, m.b, m.c, m.d, m.e, m.f, width, height];
    const buffer = this.bufferOf(width, height);
    const bufferContext = buffer.getContext('2d');
    if (!bufferContext) return;
    if (!sameKey(key, this.paintedKey)) {
      bufferContext.setTransform(1, 0, 0, 1, 0, 0);
      bufferContext.clearRect(0, 0, width, height);
      bufferContext.setTransform(m);
      // At least one device pixel wide, so thin sketch lines survive zooming out.
      const minWidth = 1 / Math.max(1e-6, Math.hypot(m.a, m.b));
      for (const pass of this.overlay.passes) {
        paintStrokes(bufferContext, pass.strokes, {
          colorOf: (stroke) => pass.color ?? stroke.color ?? '#000000',
          transform: pass.transform,
          minWidth,
        });
      }
      this.paintedKey = key;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha *= this.overlay.alpha;
    ctx.drawImage(buffer, 0, 0);
  }

  private bufferOf(width: number, height: number): HTMLCanvasElement {
    if (!this.buffer) this.buffer = document.createElement('canvas');
    if (this.buffer.width !== width || this.buffer.height !== height) {
      this.buffer.width = width;
      this.buffer.height = height;
      this.paintedKey = [];
    }
    return this.buffer;
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((entry, index) => Object.is(entry, b[index]));
}
