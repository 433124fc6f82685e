/**
 * The iris tool (FaceShop's eye tool): press on an eye to place an iris, drag to size it,
 * release to commit one mark in the current color. A click without a drag places an iris of a
 * typical size for the work area; "a drag" starts a few screen pixels out, so hand tremor on a
 * click does not produce a tiny iris.
 */
import {
  findCatchlight,
  findLayer,
  hexToRgb,
  topLayerOfKind,
  type IrisMark,
  type LayerId,
  type Point,
} from '../../../shared/document';
import { addIrisMark } from '../commands/add-iris-mark';
import { rememberColor } from '../commands/remember-color';
import { distance } from '../geometry/polyline-distance';
import type { EditorState } from '../state/editor-state';
import type { Tool, ToolPreview } from './tool';

/**
 * With the face filling most of the work area, an iris is about 3 % of its side in radius
 * (an eye is about a fifth of the face's width, the visible iris about 40 % of the eye).
 */
const DEFAULT_RADIUS_FRACTION = 0.03;
const MIN_RADIUS = 2;
/** Screen pixels a press may wander before it counts as a drag. */
const CLICK_TOLERANCE_VIEW_PIXELS = 4;

interface Placing {
  readonly layerId: LayerId;
  readonly center: Point;
  readonly defaultRadius: number;
  radius: number;
}

export function defaultIrisRadius(state: EditorState): number {
  return Math.max(MIN_RADIUS, DEFAULT_RADIUS_FRACTION * state.document.workArea.size);
}

export function createIrisTool(): Tool {
  let placing: Placing | null = null;
  let preview: ToolPreview | null = null;
  let color = '';

  const update = (): void => {
    preview = placing && {
      kind: 'iris',
      mark: { id: 'preview', center: placing.center, radius: placing.radius, color },
    };
  };

  return {
    id: 'iris',
    get gestureActive() {
      return placing !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      if (placing) return;
      const { state } = context;
      const active = findLayer(state.document, state.session.activeLayerId);
      const layer = active?.kind === 'iris' ? active : topLayerOfKind(state.document, 'iris');
      const reason = !layer
        ? 'there is no iris layer'
        : layer.locked
          ? `the ${layer.name} layer is locked`
          : !layer.visible
            ? `the ${layer.name} layer is hidden`
            : null;
      if (reason || !layer) {
        context.refused(reason ?? 'there is no iris layer');
        return;
      }
      const radius = defaultIrisRadius(state);
      placing = {
        layerId: layer.id,
        center: { x: pointer.x, y: pointer.y },
        defaultRadius: radius,
        radius,
      };
      color = state.session.color;
      update();
    },
    pointerMove(pointer, context) {
      if (!placing) return;
      const dragged = distance(placing.center, pointer);
      const tolerance = CLICK_TOLERANCE_VIEW_PIXELS / context.state.session.viewport.zoom;
      placing.radius = dragged > tolerance ? Math.max(MIN_RADIUS, dragged) : placing.defaultRadius;
      update();
    },
    pointerUp(pointer, context) {
      if (!placing) return;
      this.pointerMove(pointer, context);
      const finished = placing;
      placing = null;
      preview = null;
      // The photo's catchlight in this iris, kept out of the mask (the sampler reads the photo
      // as shown; without one, none is found).
      const catchlight = findCatchlight(
        (point) => {
          const hex = context.sampleColor(point);
          return hex === null ? null : hexToRgb(hex);
        },
        finished.center,
        finished.radius,
      );
      const mark: IrisMark = {
        id: context.newId('iris'),
        center: finished.center,
        radius: finished.radius,
        color,
        ...(catchlight ? { catchlight } : {}),
      };
      const outcome = context.run(addIrisMark, { layerId: finished.layerId, mark });
      if (outcome.status === 'refused') context.refused(outcome.reason);
      if (outcome.status !== 'applied') return;
      context.run(rememberColor, color);
      context.strokeCommitted({ toolId: 'iris', layerId: finished.layerId, itemId: mark.id });
    },
    cancel() {
      placing = null;
      preview = null;
    },
  };
}
