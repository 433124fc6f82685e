/**
 * The document's network view (shared/document/network-view.ts) as rasterizer input: stroke
 * groups per channel, in document order, with pasted regions' placement applied so every point
 * is in photo pixels and every width is scaled with its region.
 */
import type { NetworkInputs, NetworkStrokeGroup } from '../document/network-view';
import type { StrokeChannel } from '../document/layer';
import { toPhotoPoint } from '../document/transform';
import type { RasterStroke } from './rasterize-strokes';

export type ChannelStrokes = Readonly<Record<StrokeChannel, readonly RasterStroke[]>>;

function placed(group: NetworkStrokeGroup): readonly RasterStroke[] {
  const t = group.transform;
  if (t === null) return group.strokes;
  return group.strokes.map((stroke) => ({
    ...stroke,
    width: stroke.width * t.scale,
    points: stroke.points.map((p) => ({ ...toPhotoPoint(t, p), pressure: p.pressure })),
  }));
}

export function channelStrokes(inputs: NetworkInputs): ChannelStrokes {
  const out: Record<StrokeChannel, RasterStroke[]> = { mask: [], sketch: [], color: [] };
  // One push per stroke: spreading a layer of 100k strokes into push() overflows the stack.
  for (const group of inputs.groups) {
    const target = out[group.channel];
    for (const stroke of placed(group)) target.push(stroke);
  }
  return out;
}
