/**
 * What the network sees of a document, and whether it changed.
 *
 * `networkInputs` is what a synthesis request rasterizes: the photo, the work area, the seed,
 * and the stroke groups of every visible layer in order, iris marks already expanded into
 * strokes. Opacity, names and locks are not part of it (they only affect the display).
 *
 * `sameNetworkView` decides whether an edit needs a new synthesis. It compares a short key of
 * references instead of the strokes themselves: the editor changes documents only through immer,
 * which copies exactly the objects on the path of a change and shares the rest, so a strokes array
 * is the same object if and only if no stroke in it changed. Renaming a layer copies the layer but
 * not its strokes, so it does not count; hiding or showing an empty layer does not count either.
 */
import type { FaceDocument } from './document';
import type { LayerId } from './ids';
import { expandIrisMark } from './iris';
import { layerHasContent } from './layer-queries';
import { placementOf, strokeChannelsOf, strokesOf, type Layer, type StrokeChannel } from './layer';
import type { PhotoRef } from './photo-ref';
import type { Stroke } from './stroke';
import type { PlacementTransform } from './transform';
import type { WorkArea } from './work-area';

export interface NetworkStrokeGroup {
  readonly layerId: LayerId;
  readonly channel: StrokeChannel;
  /** In the layer's own coordinates: photo pixels, or region pixels when `transform` is set. */
  readonly strokes: readonly Stroke[];
  /** Maps `strokes` onto the photo (a pasted region); null when they are in photo pixels. */
  readonly transform: PlacementTransform | null;
}

export interface NetworkInputs {
  readonly photo: PhotoRef;
  readonly workArea: WorkArea;
  readonly seed: number;
  /** Bottom to top; rasterize each channel's groups in this order (erase strokes included). */
  readonly groups: readonly NetworkStrokeGroup[];
}

/** Visible layers that hold something: the layers that reach the network. */
export function networkLayers(document: FaceDocument): readonly Layer[] {
  return document.layers.filter((layer) => layer.visible && layerHasContent(layer));
}

export function networkInputs(document: FaceDocument): NetworkInputs {
  const groups: NetworkStrokeGroup[] = [];
  for (const layer of networkLayers(document)) {
    if (layer.kind === 'iris') {
      const expanded = layer.marks.map(expandIrisMark);
      groups.push(
        {
          layerId: layer.id,
          channel: 'mask',
          strokes: expanded.flatMap((iris) => iris.masks),
          transform: null,
        },
        {
          layerId: layer.id,
          channel: 'sketch',
          strokes: expanded.map((iris) => iris.sketch),
          transform: null,
        },
        {
          layerId: layer.id,
          channel: 'color',
          strokes: expanded.flatMap((iris) => iris.colors),
          transform: null,
        },
      );
      continue;
    }
    for (const channel of strokeChannelsOf(layer)) {
      const strokes = strokesOf(layer, channel);
      if (strokes.length > 0) {
        groups.push({ layerId: layer.id, channel, strokes, transform: placementOf(layer) });
      }
    }
  }
  return { photo: document.photo, workArea: document.workArea, seed: document.seed, groups };
}

/**
 * Whether any visible mask paint exists (an iris mark masks its own eye). Without it the network would return the photo
 * unchanged, so a synthesis client can skip the request and simply show the photo.
 */
export function hasVisibleMask(document: FaceDocument): boolean {
  return networkLayers(document).some(
    (layer) =>
      (layer.kind === 'iris' && layer.marks.length > 0) ||
      strokesOf(layer, 'mask').some((stroke) => stroke.tool === 'paint'),
  );
}

/** The key `sameNetworkView` compares: values and references, see the header. */
export function networkViewKey(document: FaceDocument): readonly unknown[] {
  const { photo, workArea, seed } = document;
  const key: unknown[] = [photo.assetId, photo.width, photo.height];
  key.push(workArea.x, workArea.y, workArea.size, seed);
  for (const layer of networkLayers(document)) {
    key.push(layer.id);
    if (layer.kind === 'iris') key.push(layer.marks);
    else if (layer.kind === 'pasted-region') key.push(layer.channels, layer.transform);
    else key.push(layer.strokes);
  }
  return key;
}

export function sameNetworkView(before: FaceDocument, after: FaceDocument): boolean {
  if (before === after) return true;
  const a = networkViewKey(before);
  const b = networkViewKey(after);
  return a.length === b.length && a.every((entry, index) => Object.is(entry, b[index]));
}
