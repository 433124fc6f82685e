/**
 * The place tool's handles around a pasted region: its (rotated) box, square handles on the
 * corners that scale it, a round knob above it that rotates it, and a cross on its origin, which
 * turns the accent colour while a move has snapped it onto one of the target's face parts. Drawn
 * in screen pixels like the work-area frame, so the handles keep their size at any zoom; the
 * geometry comes from the editor (region-placement.ts), which also decides what a press hits.
 */
import type { Point } from '../../shared/document';
import type { ScenePlacement } from './scene';
import { ScreenSpaceObject } from './screen-space-object';

const HANDLE_SIZE = 8;
const KNOB_RADIUS = 5;
const SNAP_COLOR = '#ffcc00';

export class PlacementFrame extends ScreenSpaceObject {
  private placement: ScenePlacement | null = null;

  setPlacement(placement: ScenePlacement | null): void {
    this.placement = placement;
  }

  protected override drawScreen(ctx: CanvasRenderingContext2D, retina: number): void {
    if (!this.placement) return;
    const { frame, snapped } = this.placement;
    const m = ctx.getTransform();
    const device = (p: Point): Point => ({ x: m.a * p.x + m.e, y: m.d * p.y + m.f });
    const corners = frame.corners.map(device);
    const knob = device(frame.rotateKnob);
    const origin = device(frame.origin);
    const top = {
      x: ((corners[0]?.x ?? 0) + (corners[1]?.x ?? 0)) / 2,
      y: ((corners[0]?.y ?? 0) + (corners[1]?.y ?? 0)) / 2,
    };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.lineWidth = retina;
    const outline = (): void => {
      ctx.beginPath();
      corners.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.closePath();
      ctx.moveTo(top.x, top.y);
      ctx.lineTo(knob.x, knob.y);
    };
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    outline();
    ctx.stroke();
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.95)';
    ctx.setLineDash([4 * retina, 3 * retina]);
    outline();
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = '#1d1e22';
    const handle = HANDLE_SIZE * retina;
    for (const p of corners) {
      ctx.fillRect(p.x - handle / 2, p.y - handle / 2, handle, handle);
      ctx.strokeRect(p.x - handle / 2, p.y - handle / 2, handle, handle);
    }
    ctx.beginPath();
    ctx.arc(knob.x, knob.y, KNOB_RADIUS * retina, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    const arm = 6 * retina;
    ctx.strokeStyle = snapped ? SNAP_COLOR : '#ffffff';
    ctx.lineWidth = (snapped ? 2 : 1) * retina;
    ctx.beginPath();
    ctx.moveTo(origin.x - arm, origin.y);
    ctx.lineTo(origin.x + arm, origin.y);
    ctx.moveTo(origin.x, origin.y - arm);
    ctx.lineTo(origin.x, origin.y + arm);
    ctx.stroke();
  }
}
