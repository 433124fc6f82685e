/** Adds one finished stroke: what a drawing tool dispatches on pointer-up. One stroke, one step. */
import { castDraft } from 'immer';
import { findLayer, strokeChannelsOf, type Stroke } from '../../../shared/document';
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
    if (layer) draftStrokes(layer, target.channel)?.push(castDraft(stroke));
  },
});
