/**
 * The work area as a frame on the canvas: a dashed line that reads on light and dark photos
 * alike (white dashes over a dark line). While the work-area tool is selected, what lies outside
 * is dimmed, as a crop tool does, and the corners the tool grabs get handles.
 */
import type { WorkArea } from '../../shared/document';
import type { Scene } from './scene';
import { ScreenSpaceObject } from './screen-space-object';

const OUTSIDE_DIM = 'rgba(0, 0, 0, 0.45)';
const HANDLE_SIZE = 8;

export class WorkAreaFrame extends ScreenSpaceObject {
  private frame: Scene['workArea'] | null = null;

  setFrame(frame: Scene['workArea']): void {
    this.frame = frame;
  }

  protected override drawScreen(ctx: CanvasRenderingContext2D, retina: number): void {
    if (!this.frame) return;
    const box = deviceBox(ctx, this.frame.area);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.frame.editing) {
      ctx.fillStyle = OUTSIDE_DIM;
      ctx.beginPath();
      ctx.rect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.rect(box.x, box.y, box.size, box.size);
      ctx.fill('evenodd');
    }
    const line = retina;
    // Half-pixel offsets put one-pixel lines on pixel centers: crisp, not smeared over two.
    const x = Math.round(box.x) + line / 2;
    const y = Math.round(box.y) + line / 2;
    const size = Math.round(box.size) - line;
    ctx.lineWidth = line;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.setLineDash([]);
    ctx.strokeRect(x, y, size, size);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.setLineDash([5 * retina, 4 * retina]);
    ctx.strokeRect(x, y, size, size);
    if (!this.frame.editing) return;
    ctx.setLineDash([]);
    const handle = HANDLE_SIZE * retina;
    for (const [cx, cy] of [
      [x, y],
      [x + size, y],
      [x, y + size],
      [x + size, y + size],
    ] as const) {
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = '#1d1e22';
      ctx.fillRect(cx - handle / 2, cy - handle / 2, handle, handle);
      ctx.strokeRect(cx - handle / 2, cy - handle / 2, handle, handle);
    }
  }
}

function deviceBox(ctx: CanvasRenderingContext2D, area: WorkArea) {
  const m = ctx.getTransform();
  return { x: m.a * area.x + m.e, y: m.d * area.y + m.f, size: m.a * area.size };
}
