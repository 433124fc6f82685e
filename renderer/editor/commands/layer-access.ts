/** Finding a layer for a command, on the state (to refuse) or on the draft (to change). */
import type { Draft } from 'immer';
import { findLayer, type Layer, type LayerId } from '../../../shared/document';
import type { EditorState } from '../state/editor-state';

/**
 * Why a layer cannot be edited now, or null. Locked layers refuse content edits; their
 * switches (visibility, opacity, the lock itself) stay usable, hence `evenIfLocked`.
 */
export function layerRefusal(
  state: EditorState,
  layerId: LayerId,
  options: { readonly evenIfLocked?: boolean } = {},
): string | null {
  const layer = findLayer(state.document, layerId);
  if (!layer) return `there is no layer "${layerId}"`;
  if (layer.locked && options.evenIfLocked !== true) return `the ${layer.name} layer is locked`;
  return null;
}

export function draftLayer(draft: Draft<EditorState>, layerId: LayerId): Draft<Layer> | undefined {
  return draft.document.layers.find((layer) => layer.id === layerId);
}

export function layerName(state: EditorState, layerId: LayerId): string {
  return findLayer(state.document, layerId)?.name ?? 'layer';
}
