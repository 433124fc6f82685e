/**
 * A Fabric object that draws itself with the Canvas 2D API in the canvas's current transform
 * (photo pixels → device pixels, viewport and retina scaling included). The canvas's overlays
 * use it where Fabric's shapes do not fit: a layer's strokes need their own buffer so erase
 * strokes and overlaps behave, and the work-area frame and the loupe are drawn in screen pixels
 * so they stay crisp at any zoom. Fabric still orders, renders and exports them with the rest.
 */
import { FabricObject } from 'fabric';

export abstract class ScreenSpaceObject extends FabricObject {
  constructor() {
    super({ selectable: false, evented: false, objectCaching: false });
  }

  override render(ctx: CanvasRenderingContext2D): void {
    if (!this.visible) return;
    ctx.save();
    this.drawScreen(ctx, this.canvas?.getRetinaScaling() ?? 1);
    ctx.restore();
  }

  /** `ctx` maps photo pixels to device pixels; `retinaScaling` is device pixels per CSS pixel. */
  protected abstract drawScreen(ctx: CanvasRenderingContext2D, retinaScaling: number): void;
}
