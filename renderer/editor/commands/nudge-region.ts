/**
 * Arrow keys move the active pasted region by one photo pixel, Shift+arrows by ten: fine
 * placement after a drag. Each press is one undo step and one re-synthesis, as any placement.
 * The keys are the editor's only while a pasted region is active, so elsewhere (a focused
 * slider) the arrows keep their usual meaning.
 */
import { findLayer } from '../../../shared/document';
import { nudgedPlacement } from '../geometry/region-placement';
import type { EditorState } from '../state/editor-state';
import { defineCommand, type ShortcutSpec } from './command';
import { draftLayer, layerName, layerRefusal } from './layer-access';

export interface NudgeRegionArgs {
  readonly dx: number;
  readonly dy: number;
}

export const NUDGE_STEP = 1;
export const NUDGE_LARGE_STEP = 10;

export function activePastedRegionId(state: EditorState): string | null {
  const layer = findLayer(state.document, state.session.activeLayerId);
  return layer?.kind === 'pasted-region' ? layer.id : null;
}

const arrows: readonly (readonly [string, number, number])[] = [
  ['Left', -1, 0],
  ['Right', 1, 0],
  ['Up', 0, -1],
  ['Down', 0, 1],
];

export const nudgeRegion = defineCommand<NudgeRegionArgs>({
  id: 'nudge-region',
  label: (_args, state) => `Move ${layerName(state, state.session.activeLayerId)}`,
  history: 'record',
  shortcuts: arrows.flatMap(([key, x, y]): ShortcutSpec<NudgeRegionArgs>[] => [
    { keys: key, args: { dx: x * NUDGE_STEP, dy: y * NUDGE_STEP } },
    { keys: `Shift+${key}`, args: { dx: x * NUDGE_LARGE_STEP, dy: y * NUDGE_LARGE_STEP } },
  ]),
  keysApply: (state) => activePastedRegionId(state) !== null,
  refusal: (state) => {
    const id = activePastedRegionId(state);
    return id === null ? 'select a pasted region to move it' : layerRefusal(state, id);
  },
  perform: (draft, { dx, dy }) => {
    const layer = draftLayer(draft, draft.session.activeLayerId);
    if (layer?.kind !== 'pasted-region') return;
    const moved = nudgedPlacement(layer.transform, dx, dy);
    layer.transform.x = moved.x;
    layer.transform.y = moved.y;
  },
});
