/**
 * Where a drawing tool's stroke goes. Each tool draws into one channel (mask, sketch or color);
 * the layer is the active one when it holds that channel — the layer of that kind, or a pasted
 * region, which holds all three — and otherwise the topmost layer of that kind. A hidden or
 * locked target refuses: drawing where you cannot see, or on what you protected, is a mistake.
 */
import type { Draft } from 'immer';
import {
  findLayer,
  strokeChannelsOf,
  topLayerOfKind,
  type Layer,
  type LayerId,
  type Stroke,
  type StrokeChannel,
} from '../../../shared/document';
import type { EditorState } from './editor-state';

export interface StrokeTarget {
  readonly layerId: LayerId;
  readonly channel: StrokeChannel;
}

export type StrokeTargetResolution =
  | { readonly ok: true; readonly target: StrokeTarget; readonly layer: Layer }
  | { readonly ok: false; readonly reason: string };

export function resolveStrokeTarget(
  state: EditorState,
  channel: StrokeChannel,
): StrokeTargetResolution {
  const active = findLayer(state.document, state.session.activeLayerId);
  const layer =
    active && strokeChannelsOf(active).includes(channel)
      ? active
      : topLayerOfKind(state.document, channel);
  if (!layer) return { ok: false, reason: `there is no ${channel} layer` };
  if (layer.locked) return { ok: false, reason: `the ${layer.name} layer is locked` };
  if (!layer.visible) return { ok: false, reason: `the ${layer.name} layer is hidden` };
  return { ok: true, target: { layerId: layer.id, channel }, layer };
}

/** The draft's stroke list for a channel of a layer, or undefined if the layer has none. */
export function draftStrokes(
  layer: Draft<Layer>,
  channel: StrokeChannel,
): Draft<Stroke>[] | undefined {
  if (layer.kind === 'pasted-region') return layer.channels[channel];
  if (layer.kind === channel) return layer.strokes;
  return undefined;
}
