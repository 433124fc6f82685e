/**
 * The document's layers. Mask, sketch and color layers each feed one input of the network; the
 * iris layer holds iris marks that expand into sketch and color strokes; a pasted region carries
 * its own mask, sketch and color strokes in its own coordinates plus where it sits on the photo
 * (smart copy-paste). Every layer has the same switches: visible, opacity, locked.
 */
import { z } from 'zod';
import { AssetIdSchema, LayerIdSchema, type AssetId, type LayerId } from './ids';
import { IrisMarkSchema, type IrisMark } from './iris';
import { StrokeSchema, type Stroke } from './stroke';
import { PlacementTransformSchema, type PlacementTransform } from './transform';

/** The network's stroke inputs; every stroke lives in exactly one of them. */
export const StrokeChannelSchema = z.enum(['mask', 'sketch', 'color']);
export type StrokeChannel = z.infer<typeof StrokeChannelSchema>;

export const LayerKindSchema = z.enum(['mask', 'sketch', 'color', 'iris', 'pasted-region']);
export type LayerKind = z.infer<typeof LayerKindSchema>;

interface LayerBase {
  readonly id: LayerId;
  readonly name: string;
  /** Hidden layers are neither drawn nor seen by the network. */
  readonly visible: boolean;
  /**
   * Display only, in [0, 1]: fading strokes lets the person judge the result beneath them.
   * The network sees a layer fully or not at all (its inputs are binary masks and lines).
   */
  readonly opacity: number;
  /** A locked layer refuses edits; it still shows and still feeds the network. */
  readonly locked: boolean;
}

export interface MaskLayer extends LayerBase {
  readonly kind: 'mask';
  readonly strokes: readonly Stroke[];
}

export interface SketchLayer extends LayerBase {
  readonly kind: 'sketch';
  readonly strokes: readonly Stroke[];
}

export interface ColorLayer extends LayerBase {
  readonly kind: 'color';
  readonly strokes: readonly Stroke[];
}

export interface IrisLayer extends LayerBase {
  readonly kind: 'iris';
  readonly marks: readonly IrisMark[];
}

export interface StrokeChannels {
  readonly mask: readonly Stroke[];
  readonly sketch: readonly Stroke[];
  readonly color: readonly Stroke[];
}

export interface PastedRegionLayer extends LayerBase {
  readonly kind: 'pasted-region';
  /** The image the region was copied from; kept for display and provenance, never fed as is. */
  readonly sourceAssetId: AssetId;
  /** Strokes in region coordinates; `transform` maps them onto the photo. */
  readonly channels: StrokeChannels;
  readonly transform: PlacementTransform;
}

export type StrokeLayer = MaskLayer | SketchLayer | ColorLayer;
export type Layer = StrokeLayer | IrisLayer | PastedRegionLayer;

const layerBase = {
  id: LayerIdSchema,
  name: z.string().min(1).max(200),
  visible: z.boolean(),
  opacity: z.number().min(0).max(1),
  locked: z.boolean(),
};

const strokes = z.array(StrokeSchema);

export const LayerSchema: z.ZodType<Layer> = z.discriminatedUnion('kind', [
  z.object({ ...layerBase, kind: z.literal('mask'), strokes }),
  z.object({ ...layerBase, kind: z.literal('sketch'), strokes }),
  z.object({ ...layerBase, kind: z.literal('color'), strokes }),
  z.object({ ...layerBase, kind: z.literal('iris'), marks: z.array(IrisMarkSchema) }),
  z.object({
    ...layerBase,
    kind: z.literal('pasted-region'),
    sourceAssetId: AssetIdSchema,
    channels: z.object({ mask: strokes, sketch: strokes, color: strokes }),
    transform: PlacementTransformSchema,
  }),
]);

/** The channels a layer holds strokes for (an iris layer holds marks, not strokes). */
export function strokeChannelsOf(layer: Layer): readonly StrokeChannel[] {
  switch (layer.kind) {
    case 'mask':
    case 'sketch':
    case 'color':
      return [layer.kind];
    case 'iris':
      return [];
    case 'pasted-region':
      return ['mask', 'sketch', 'color'];
  }
}

/** The strokes a layer holds for one channel; empty when it holds none for that channel. */
export function strokesOf(layer: Layer, channel: StrokeChannel): readonly Stroke[] {
  if (layer.kind === 'pasted-region') return layer.channels[channel];
  if (layer.kind === channel) return layer.strokes;
  return [];
}

/** The transform from a layer's stroke coordinates to photo pixels; null means identity. */
export function placementOf(layer: Layer): PlacementTransform | null {
  return layer.kind === 'pasted-region' ? layer.transform : null;
}
