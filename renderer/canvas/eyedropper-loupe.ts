/** The eyedropper's loupe: a disc of the color under the pointer, ringed so it shows on any photo. */
import type { Scene } from './scene';
import { ScreenSpaceObject } from './screen-space-object';

const RADIUS = 16;

export class EyedropperLoupe extends ScreenSpaceObject {
  private loupe: Scene['loupe'] = null;

  setLoupe(loupe: Scene['loupe']): void {
    this.loupe = loupe;
  }

  protected override drawScreen(ctx: CanvasRenderingContext2D, retina: number): void {
    if (!this.loupe) return;
    const m = ctx.getTransform();
    const x = m.a * this.loupe.point.x + m.e;
    const y = m.d * this.loupe.point.y + m.f;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // Above and to the left of the pointer, so the finger or cursor does not cover it.
    const cx = x - RADIUS * 1.4 * retina;
    const cy = y - RADIUS * 1.4 * retina;
    ctx.beginPath();
    ctx.arc(cx, cy, RADIUS * retina, 0, 2 * Math.PI);
    ctx.fillStyle = this.loupe.color ?? 'rgba(0, 0, 0, 0)';
    ctx.fill();
    ctx.lineWidth = 3 * retina;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.lineWidth = retina;
    ctx.strokeStyle = '#1d1e22';
    ctx.stroke();
  }
}
