/**
 * Adds one finished stroke: what a drawing tool dispatches on pointer-up. One stroke, one step.
 *
 * Mask paint that reaches outside the work area would be silently ignored by the network, so
 * the work area grows (in the same step) to the smallest square that holds it and the old area,
 * as far as the photo allows; undo takes both back.
 */
import { castDraft } from 'immer';
import {
  clampWorkArea,
  findLayer,
  strokeChannelsOf,
  type Stroke,
  type WorkArea,
} from '../../../shared/document';
import type { StrokeTarget } from '../state/stroke-target';
import { draftStrokes } from '../state/stroke-target';
import { CHANNEL_NAMES } from './channel-names';
import { defineCommand } from './command';
import { draftLayer, layerRefusal } from './layer-access';

export interface AddStrokeArgs {
  readonly target: StrokeTarget;
  readonly stroke: Stroke;
}

export const addStroke = defineCommand<AddStrokeArgs>({
  id: 'add-stroke',
  label: ({ target, stroke }, state) => {
    const layer = findLayer(state.document, target.layerId);
    const what = `${CHANNEL_NAMES[target.channel]} ${stroke.tool === 'paint' ? 'stroke' : 'erase'}`;
    return layer?.kind === 'pasted-region' ? `${what} on ${layer.name}` : what;
  },
  history: 'record',
  refusal: (state, { target, stroke }) => {
    const refusal = layerRefusal(state, target.layerId);
    if (refusal) return refusal;
    const layer = findLayer(state.document, target.layerId);
    if (layer && !strokeChannelsOf(layer).includes(target.channel)) {
      return `the ${layer.name} layer holds no ${target.channel} strokes`;
    }
    if (stroke.points.length === 0) return 'a stroke needs at least one point';
    const wantsColor = target.channel === 'color' && stroke.tool === 'paint';
    if (wantsColor && stroke.color === undefined) return 'a color stroke needs a color';
    if (!wantsColor && stroke.color !== undefined) return 'only color strokes carry a color';
    return null;
  },
  perform: (draft, { target, stroke }) => {
    const layer = draftLayer(draft, target.layerId);
    if (!layer) return;
    draftStrokes(layer, target.channel)?.push(castDraft(stroke));
    // Pasted regions have their own coordinates and their own placement: left alone.
    if (target.channel === 'mask' && stroke.tool === 'paint' && layer.kind !== 'pasted-region') {
      const grown = workAreaHolding(draft.document.workArea, stroke, draft.document.photo);
      if (grown) draft.document.workArea = grown;
    }
  },
});

/** The smallest square holding `area` and the stroke (a small margin around it), inside the
 * photo; null when the stroke already lies inside the area. */
export function workAreaHolding(
  area: WorkArea,
  stroke: Stroke,
  photo: { readonly assetId: string; readonly width: number; readonly height: number },
): WorkArea | null {
  const half = stroke.width / 2;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of stroke.points) {
    x0 = Math.min(x0, p.x - half);
    y0 = Math.min(y0, p.y - half);
    x1 = Math.max(x1, p.x + half);
    y1 = Math.max(y1, p.y + half);
  }
  // Only the part of the stroke on the photo counts.
  x0 = Math.max(0, x0);
  y0 = Math.max(0, y0);
  x1 = Math.min(photo.width, x1);
  y1 = Math.min(photo.height, y1);
  if (x1 <= x0 || y1 <= y0) return null;
  if (x0 >= area.x && y0 >= area.y && x1 <= area.x + area.size && y1 <= area.y + area.size)
    return null;
  const margin = Math.max(4, 0.02 * area.size);
  const left = Math.min(area.x, x0 - margin);
  const top = Math.min(area.y, y0 - margin);
  const right = Math.max(area.x + area.size, x1 + margin);
  const bottom = Math.max(area.y + area.size, y1 + margin);
  const size = Math.ceil(Math.max(right - left, bottom - top));
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  return clampWorkArea({ x: cx - size / 2, y: cy - size / 2, size }, { ...photo });
}
