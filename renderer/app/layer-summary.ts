/** How the layers panel describes a layer's content: "3 strokes", "1 iris", "empty". */
import { strokeChannelsOf, strokesOf, type Layer } from '../../shared/document';

export function contentCount(layer: Layer): number {
  if (layer.kind === 'iris') return layer.marks.length;
  return strokeChannelsOf(layer).reduce(
    (sum, channel) => sum + strokesOf(layer, channel).length,
    0,
  );
}

export function describeContent(layer: Layer): string {
  const count = contentCount(layer);
  if (count === 0) return 'empty';
  if (layer.kind === 'iris') return count === 1 ? '1 iris' : `${count} irises`;
  return count === 1 ? '1 stroke' : `${count} strokes`;
}
