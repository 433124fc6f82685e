/** Finding layers and their contents. Pure reads of a document. */
import type { FaceDocument } from './document';
import type { LayerId } from './ids';
import { strokeChannelsOf, strokesOf, type Layer, type LayerKind } from './layer';

export function findLayer(document: FaceDocument, id: LayerId): Layer | undefined {
  return document.layers.find((layer) => layer.id === id);
}

export function layerIndex(document: FaceDocument, id: LayerId): number {
  return document.layers.findIndex((layer) => layer.id === id);
}

/** The topmost layer of a kind: where a tool draws when no layer of its kind is active. */
export function topLayerOfKind<K extends LayerKind>(
  document: FaceDocument,
  kind: K,
): Extract<Layer, { kind: K }> | undefined {
  for (let index = document.layers.length - 1; index >= 0; index -= 1) {
    const layer = document.layers[index];
    if (layer?.kind === kind) return layer as Extract<Layer, { kind: K }>;
  }
  return undefined;
}

/** Whether a layer holds anything at all (strokes or iris marks). */
export function layerHasContent(layer: Layer): boolean {
  if (layer.kind === 'iris') return layer.marks.length > 0;
  return strokeChannelsOf(layer).some((channel) => strokesOf(layer, channel).length > 0);
}

/** Every id used by a stroke or an iris mark, for generating fresh ones and for checks. */
export function itemIds(document: FaceDocument): Set<string> {
  const ids = new Set<string>();
  for (const layer of document.layers) {
    if (layer.kind === 'iris') layer.marks.forEach((mark) => ids.add(mark.id));
    for (const channel of strokeChannelsOf(layer)) {
      strokesOf(layer, channel).forEach((stroke) => ids.add(stroke.id));
    }
  }
  return ids;
}
