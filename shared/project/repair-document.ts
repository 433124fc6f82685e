/**
 * Repair on load (STYLE.md 10, after excalidraw's restore): a document that fails validation
 * is mended where the person's intent is still clear, and refused where it is not.
 *
 * How it works. The top level (photo, work area shape, seed, the layers array) must be valid:
 * without them nothing can be placed, so they are refused. Each layer is then checked on its
 * own: a valid layer is kept as is (the same object); an invalid one is salvaged item by item —
 * its valid strokes and iris marks stay, malformed ones are dropped — and dropped whole only if
 * its own fields (id, kind, name, switches, a region's placement) are broken. Then the rules
 * that span the document are applied: pasted regions whose source photo is not in the project
 * are dropped, duplicate ids are renamed, colors are fitted to their channel, missing base
 * layers are added empty, and the work area is moved inside the photo. The result is validated
 * against the full schema once more; only that decides.
 *
 * Every change is reported as a warning. In format version 1 strokes live inside their layer,
 * so no stroke can point to a missing layer; the only reference across the document is a
 * pasted region's source photo.
 */
import { z } from 'zod';
import {
  BASE_LAYER_IDS,
  BASE_LAYER_KINDS,
  FaceDocumentSchema,
  IrisMarkSchema,
  LayerIdSchema,
  LayerKindSchema,
  LayerSchema,
  PhotoRefSchema,
  PlacementTransformSchema,
  SeedSchema,
  StrokeSchema,
  WorkAreaSchema,
  clampWorkArea,
  isWorkAreaInside,
  type FaceDocument,
  type Layer,
  type LayerKind,
  type Stroke,
  type StrokeChannel,
} from '../document';
import type { ProjectWarning, ProjectWarningCode } from './project-warning';

export type RepairOutcome =
  | { readonly ok: true; readonly document: FaceDocument; readonly warnings: ProjectWarning[] }
  | { readonly ok: false; readonly error: string };

export interface RepairContext {
  /** Asset ids whose photos the project holds (pasted regions must name one of them). */
  readonly availableAssetIds: ReadonlySet<string>;
}

const LayerFieldsSchema = z.looseObject({
  id: LayerIdSchema,
  kind: LayerKindSchema,
  name: z.string().min(1).max(200),
  visible: z.boolean(),
  opacity: z.number().min(0).max(1),
  locked: z.boolean(),
});
type LayerFields = z.infer<typeof LayerFieldsSchema>;

const BASE_LAYER_NAMES: Readonly<Record<string, string>> = {
  mask: 'Mask',
  sketch: 'Sketch',
  color: 'Color',
  iris: 'Iris',
};

export function repairDocument(
  raw: Record<string, unknown>,
  context: RepairContext,
): RepairOutcome {
  const direct = FaceDocumentSchema.safeParse(raw);
  if (direct.success) {
    return withPastedSourcesChecked(direct.data, context, []);
  }
  const warnings = new WarningList();
  const photo = PhotoRefSchema.safeParse(raw['photo']);
  if (!photo.success) return refusal('its photo reference', photo.error);
  const workArea = WorkAreaSchema.safeParse(raw['workArea']);
  if (!workArea.success) return refusal('its work area', workArea.error);
  const seed = SeedSchema.safeParse(raw['seed']);
  if (!seed.success) return refusal('its seed', seed.error);
  const rawLayers = raw['layers'];
  if (!Array.isArray(rawLayers)) return { ok: false, error: 'the document has no list of layers' };

  let layers = rawLayers
    .map((rawLayer: unknown, index) => salvageLayer(rawLayer, index, warnings))
    .filter((layer): layer is Layer => layer !== null);
  layers = renameDuplicateIds(layers, warnings);
  layers = fitColorsToChannels(layers, warnings);
  layers = addMissingBaseLayers(layers, warnings);

  let area = workArea.data;
  if (!isWorkAreaInside(area, photo.data)) {
    area = clampWorkArea(area, photo.data);
    warnings.add(
      'work-area-moved',
      'The work area reached outside the photo and was moved inside it.',
    );
  }
  const candidate = {
    schemaVersion: raw['schemaVersion'],
    photo: photo.data,
    workArea: area,
    layers,
    seed: seed.data,
  };
  const repaired = FaceDocumentSchema.safeParse(candidate);
  if (!repaired.success) return refusal('the document', repaired.error);
  return withPastedSourcesChecked(repaired.data, context, warnings.list);
}

function refusal(what: string, error: z.ZodError): RepairOutcome {
  return { ok: false, error: `${what} is invalid: ${z.prettifyError(error)}` };
}

/** Drops pasted regions whose source photo the project does not hold. */
function withPastedSourcesChecked(
  document: FaceDocument,
  context: RepairContext,
  earlier: ProjectWarning[],
): RepairOutcome {
  const warnings = [...earlier];
  const kept = document.layers.filter((layer) => {
    if (layer.kind !== 'pasted-region' || context.availableAssetIds.has(layer.sourceAssetId)) {
      return true;
    }
    warnings.push({
      code: 'pasted-region-dropped',
      message: `The pasted region “${layer.name}” was removed: the photo it was copied from is missing from the project.`,
    });
    return false;
  });
  if (kept.length === document.layers.length) return { ok: true, document, warnings };
  return { ok: true, document: { ...document, layers: kept }, warnings };
}

function salvageLayer(raw: unknown, index: number, warnings: WarningList): Layer | null {
  const whole = LayerSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = LayerFieldsSchema.safeParse(raw);
  if (!fields.success) {
    warnings.add('layer-dropped', `Layer ${index + 1} was removed: it is not a valid layer.`);
    return null;
  }
  const salvaged = salvageContents(fields.data, warnings);
  const checked = salvaged === null ? null : LayerSchema.safeParse(salvaged);
  if (checked?.success !== true) {
    warnings.add('layer-dropped', `The layer “${fields.data.name}” was removed: it is damaged.`);
    return null;
  }
  return checked.data;
}

/** The layer with only its valid strokes or marks; null when its own fields are broken. */
function salvageContents(fields: LayerFields, warnings: WarningList): unknown {
  const { id, kind, name, visible, opacity, locked } = fields;
  const base = { id, kind, name, visible, opacity, locked };
  const keep = <T>(items: unknown, schema: z.ZodType<T>, what: string): T[] => {
    const list: unknown[] = Array.isArray(items) ? items : [];
    const valid = list.flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
    const dropped = list.length - valid.length;
    if (!Array.isArray(items)) {
      warnings.add('item-dropped', `Layer “${name}”: its ${what}s were unreadable and removed.`);
    } else if (dropped > 0) {
      const count =
        dropped === 1 ? `1 malformed ${what} was` : `${dropped} malformed ${what}s were`;
      warnings.add('item-dropped', `Layer “${name}”: ${count} removed.`);
    }
    return valid;
  };
  switch (kind) {
    case 'mask':
    case 'sketch':
    case 'color':
      return { ...base, strokes: keep(fields['strokes'], StrokeSchema, 'stroke') };
    case 'iris':
      return { ...base, marks: keep(fields['marks'], IrisMarkSchema, 'iris mark') };
    case 'pasted-region': {
      const transform = PlacementTransformSchema.safeParse(fields['transform']);
      const sourceAssetId = fields['sourceAssetId'];
      if (!transform.success || typeof sourceAssetId !== 'string') return null;
      const channels = (fields['channels'] ?? {}) as Record<string, unknown>;
      return {
        ...base,
        sourceAssetId,
        transform: transform.data,
        channels: {
          mask: keep(channels['mask'], StrokeSchema, 'mask stroke'),
          sketch: keep(channels['sketch'], StrokeSchema, 'sketch stroke'),
          color: keep(channels['color'], StrokeSchema, 'color stroke'),
        },
      };
    }
  }
}

/** Later holders of an id already taken get a fresh one: every stroke is kept. */
function renameDuplicateIds(layers: Layer[], warnings: WarningList): Layer[] {
  const layerIds = new Set<string>();
  const itemIds = new Set<string>();
  const fresh = (id: string, taken: Set<string>): string => {
    for (let n = 2; ; n += 1) {
      const candidate = `${id.slice(0, 120)}-${n}`;
      if (!taken.has(candidate)) return candidate;
    }
  };
  let renamed = 0;
  const claim = (id: string, taken: Set<string>): string => {
    const unique = taken.has(id) ? fresh(id, taken) : id;
    if (unique !== id) renamed += 1;
    taken.add(unique);
    return unique;
  };
  const strokes = (list: readonly Stroke[]): Stroke[] =>
    list.map((stroke) => {
      const id = claim(stroke.id, itemIds);
      return id === stroke.id ? stroke : { ...stroke, id };
    });
  const result = layers.map((layer): Layer => {
    const id = claim(layer.id, layerIds);
    switch (layer.kind) {
      case 'iris':
        return {
          ...layer,
          id,
          marks: layer.marks.map((mark) => {
            const markId = claim(mark.id, itemIds);
            return markId === mark.id ? mark : { ...mark, id: markId };
          }),
        };
      case 'pasted-region':
        return {
          ...layer,
          id,
          channels: {
            mask: strokes(layer.channels.mask),
            sketch: strokes(layer.channels.sketch),
            color: strokes(layer.channels.color),
          },
        };
      default:
        return { ...layer, id, strokes: strokes(layer.strokes) };
    }
  });
  if (renamed > 0) {
    warnings.add(
      'duplicate-id',
      `${renamed} duplicate ${renamed === 1 ? 'id was' : 'ids were'} renamed.`,
    );
  }
  return result;
}

/**
 * Paint strokes of the color channel need a color (there is no guessing it: dropped); strokes
 * of other channels, and erase strokes, carry none (the color is stripped, the stroke kept).
 */
function fitColorsToChannels(layers: Layer[], warnings: WarningList): Layer[] {
  let stripped = 0;
  let dropped = 0;
  const fit = (list: readonly Stroke[], channel: StrokeChannel): Stroke[] =>
    list.flatMap((stroke) => {
      const wantsColor = channel === 'color' && stroke.tool === 'paint';
      if (wantsColor && stroke.color === undefined) {
        dropped += 1;
        return [];
      }
      if (!wantsColor && stroke.color !== undefined) {
        stripped += 1;
        return [{ id: stroke.id, tool: stroke.tool, points: stroke.points, width: stroke.width }];
      }
      return [stroke];
    });
  const result = layers.map((layer): Layer => {
    switch (layer.kind) {
      case 'iris':
        return layer;
      case 'pasted-region':
        return {
          ...layer,
          channels: {
            mask: fit(layer.channels.mask, 'mask'),
            sketch: fit(layer.channels.sketch, 'sketch'),
            color: fit(layer.channels.color, 'color'),
          },
        };
      default:
        return { ...layer, strokes: fit(layer.strokes, layer.kind) };
    }
  });
  if (dropped > 0) {
    warnings.add(
      'item-dropped',
      `${dropped} color ${dropped === 1 ? 'stroke without a color was' : 'strokes without a color were'} removed.`,
    );
  }
  if (stripped > 0) {
    warnings.add(
      'color-fixed',
      `${stripped} ${stripped === 1 ? 'stroke' : 'strokes'} outside the color channel lost a stray color.`,
    );
  }
  return result;
}

function addMissingBaseLayers(layers: Layer[], warnings: WarningList): Layer[] {
  const result = [...layers];
  const taken = new Set(layers.map((layer) => layer.id));
  for (const kind of BASE_LAYER_KINDS) {
    if (result.some((layer) => layer.kind === kind)) continue;
    const layer = emptyLayer(kind, taken);
    taken.add(layer.id);
    // The mask goes beneath everything, like in a new document; the others on top.
    if (kind === 'mask') result.unshift(layer);
    else result.push(layer);
    warnings.add('layer-added', `The document had no ${kind} layer; an empty one was added.`);
  }
  return result;
}

function emptyLayer(kind: LayerKind, taken: ReadonlySet<string>): Layer {
  const preferred = (BASE_LAYER_IDS as Readonly<Record<string, string>>)[kind] ?? `layer-${kind}`;
  let id = preferred;
  for (let n = 2; taken.has(id); n += 1) id = `${preferred}-${n}`;
  const base = {
    id,
    name: BASE_LAYER_NAMES[kind] ?? kind,
    visible: true,
    opacity: 1,
    locked: false,
  };
  switch (kind) {
    case 'iris':
      return { ...base, kind, marks: [] };
    case 'mask':
    case 'sketch':
    case 'color':
      return { ...base, kind, strokes: [] };
    case 'pasted-region':
      throw new Error('a pasted region is never a base layer');
  }
}

/** Collects warnings, folding a long tail into one line so a badly damaged file stays readable. */
class WarningList {
  static readonly MAX = 30;
  readonly #shown: ProjectWarning[] = [];
  #more = 0;

  add(code: ProjectWarningCode, message: string): void {
    if (this.#shown.length < WarningList.MAX) this.#shown.push({ code, message });
    else this.#more += 1;
  }

  get list(): ProjectWarning[] {
    if (this.#more === 0) return [...this.#shown];
    const tail: ProjectWarning = {
      code: 'item-dropped',
      message: `…and ${this.#more} more repairs.`,
    };
    return [...this.#shown, tail];
  }
}
