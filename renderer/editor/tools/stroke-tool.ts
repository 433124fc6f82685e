/**
 * The drawing tools' shared state machine: idle → drawing → idle.
 *
 * pointer-down resolves where the stroke goes (refusing a hidden or locked layer) and starts a
 * point list; pointer-move appends points, dropping those under half a pixel apart; pointer-up
 * turns the points into one stroke — in a pasted region's own coordinates if that is the
 * target — and dispatches one `add-stroke`, then reports the commit. Cancel forgets the points.
 * The mask brush, the mask eraser, the sketch pen, the sketch eraser and the color brush are
 * this machine with different options.
 */
import {
  findLayer,
  toLocalPoint,
  type HexColor,
  type StrokeChannel,
  type StrokePoint,
  type StrokeTool as StrokeKind,
} from '../../../shared/document';
import { addStroke } from '../commands/add-stroke';
import { rememberColor } from '../commands/remember-color';
import { appendStrokePoint, finishStrokePoints } from '../geometry/simplify-points';
import type { BrushFamily } from '../state/brush-sizes';
import { resolveStrokeTarget, type StrokeTarget } from '../state/stroke-target';
import type { ToolId } from '../state/tool-id';
import type { PhotoPointer, Tool, ToolContext, ToolPreview } from './tool';

export interface StrokeToolOptions {
  readonly id: ToolId;
  readonly channel: StrokeChannel;
  readonly kind: StrokeKind;
  readonly brush: BrushFamily;
  /** Maps the pointer's pressure to the stored width factor (see StrokePoint.pressure). */
  readonly widthFactor: (pointer: PhotoPointer) => number;
}

interface Drawing {
  readonly target: StrokeTarget;
  readonly width: number;
  readonly color: HexColor | undefined;
  readonly points: StrokePoint[];
}

/** Tools that ignore pressure draw at full width with any device. */
export const FULL_WIDTH = (): number => 1;

export function createStrokeTool(options: StrokeToolOptions): Tool {
  let drawing: Drawing | null = null;
  let preview: ToolPreview | null = null;

  const point = (pointer: PhotoPointer): StrokePoint => ({
    x: pointer.x,
    y: pointer.y,
    pressure: Math.min(1, Math.max(0, options.widthFactor(pointer))),
  });

  const updatePreview = (): void => {
    preview = drawing && {
      kind: 'stroke',
      target: drawing.target,
      stroke: {
        id: 'preview',
        tool: options.kind,
        points: drawing.points,
        width: drawing.width,
        ...(drawing.color === undefined ? {} : { color: drawing.color }),
      },
    };
  };

  const end = (): void => {
    drawing = null;
    preview = null;
  };

  return {
    id: options.id,
    get gestureActive() {
      return drawing !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      if (drawing) return;
      const resolution = resolveStrokeTarget(context.state, options.channel);
      if (!resolution.ok) {
        context.refused(resolution.reason);
        return;
      }
      const colored = options.channel === 'color' && options.kind === 'paint';
      drawing = {
        target: resolution.target,
        width: context.state.session.brushSizes[options.brush],
        color: colored ? context.state.session.color : undefined,
        points: [point(pointer)],
      };
      updatePreview();
    },
    pointerMove(pointer) {
      if (!drawing) return;
      appendStrokePoint(drawing.points, point(pointer));
      updatePreview();
    },
    pointerUp(pointer, context) {
      if (!drawing) return;
      appendStrokePoint(drawing.points, point(pointer));
      finishStrokePoints(drawing.points);
      const finished = drawing;
      end();
      commit(finished, context);
    },
    cancel() {
      end();
    },
  };

  function commit(finished: Drawing, context: ToolContext): void {
    const layer = findLayer(context.state.document, finished.target.layerId);
    // A pasted region stores strokes in its own coordinates; everything else in photo pixels.
    const transform = layer?.kind === 'pasted-region' ? layer.transform : null;
    const points = transform
      ? finished.points.map((p) => ({ ...toLocalPoint(transform, p), pressure: p.pressure }))
      : finished.points;
    const stroke = {
      id: context.newId('stroke'),
      tool: options.kind,
      points,
      width: transform ? finished.width / transform.scale : finished.width,
      ...(finished.color === undefined ? {} : { color: finished.color }),
    };
    const outcome = context.run(addStroke, { target: finished.target, stroke });
    if (outcome.status === 'refused') {
      context.refused(outcome.reason);
      return;
    }
    if (outcome.status !== 'applied') return;
    if (finished.color !== undefined) context.run(rememberColor, finished.color);
    context.strokeCommitted({
      toolId: options.id,
      layerId: finished.target.layerId,
      itemId: stroke.id,
    });
  }
}
