/** Moves, resizes or recolors an iris already placed ("pick its color" after placing it). */
import {
  findLayer,
  type HexColor,
  type IrisMarkId,
  type LayerId,
  type Point,
} from '../../../shared/document';
import { defineCommand } from './command';
import { draftLayer, layerRefusal } from './layer-access';

export interface UpdateIrisMarkArgs {
  readonly layerId: LayerId;
  readonly markId: IrisMarkId;
  readonly center?: Point;
  readonly radius?: number;
  readonly color?: HexColor;
}

export const updateIrisMark = defineCommand<UpdateIrisMarkArgs>({
  id: 'update-iris-mark',
  label: ({ center, radius, color }) => {
    if (color !== undefined && center === undefined && radius === undefined) return 'Iris color';
    if (radius !== undefined && center === undefined && color === undefined) return 'Resize iris';
    if (center !== undefined && radius === undefined && color === undefined) return 'Move iris';
    return 'Edit iris';
  },
  history: 'record',
  refusal: (state, { layerId, markId, radius }) => {
    const refusal = layerRefusal(state, layerId);
    if (refusal) return refusal;
    const layer = findLayer(state.document, layerId);
    if (layer?.kind !== 'iris' || !layer.marks.some((mark) => mark.id === markId)) {
      return `there is no iris "${markId}"`;
    }
    if (radius !== undefined && !(radius > 0)) return 'an iris needs a radius';
    return null;
  },
  perform: (draft, { layerId, markId, center, radius, color }) => {
    const layer = draftLayer(draft, layerId);
    const mark = layer?.kind === 'iris' ? layer.marks.find((m) => m.id === markId) : undefined;
    if (!mark) return;
    if (center) mark.center = { x: center.x, y: center.y };
    if (radius !== undefined) mark.radius = radius;
    if (color !== undefined) mark.color = color;
  },
});
