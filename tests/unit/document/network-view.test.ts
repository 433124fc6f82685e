/** What the network sees of a document, and when that counts as a change. */
import { castDraft, produce, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  createEmptyDocument,
  hasVisibleMask,
  networkInputs,
  sameNetworkView,
  type FaceDocument,
  type Layer,
  type LayerKind,
  type Stroke,
} from '../../../shared/document';

const photo = { assetId: 'photo-1', width: 400, height: 300 };
const stroke = (id: string, extra: Partial<Stroke> = {}): Draft<Stroke> =>
  castDraft({ id, tool: 'paint', points: [{ x: 10, y: 10, pressure: 1 }], width: 5, ...extra });

function drawn(): FaceDocument {
  return produce(createEmptyDocument(photo, 1), (draft) => {
    for (const layer of draft.layers) {
      if (layer.kind === 'mask') layer.strokes.push(stroke('m1'));
      if (layer.kind === 'sketch') layer.strokes.push(stroke('s1'));
      if (layer.kind === 'iris') {
        layer.marks.push({ id: 'i1', center: { x: 50, y: 60 }, radius: 10, color: '#224466' });
      }
    }
  });
}

type DocumentDraft = Draft<FaceDocument>;

const edit = (document: FaceDocument, recipe: (draft: DocumentDraft) => void) =>
  produce(document, recipe);

function layerOf<K extends LayerKind>(
  draft: DocumentDraft,
  kind: K,
): Draft<Extract<Layer, { kind: K }>> {
  const layer = draft.layers.find((candidate) => candidate.kind === kind);
  if (!layer) throw new Error(`no ${kind} layer`);
  return layer as Draft<Extract<Layer, { kind: K }>>;
}

describe('networkInputs', () => {
  it('lists the visible layers with content, bottom to top, iris marks expanded', () => {
    const inputs = networkInputs(drawn());
    expect(inputs.seed).toBe(1);
    expect(inputs.workArea).toEqual({ x: 50, y: 0, size: 300 });
    expect(inputs.groups.map((group) => [group.layerId, group.channel])).toEqual([
      ['layer-mask', 'mask'],
      ['layer-sketch', 'sketch'],
      ['layer-iris', 'mask'],
      ['layer-iris', 'sketch'],
      ['layer-iris', 'color'],
    ]);
    // The limbal ring (darker), the iris colour, the pupil.
    const irisColors = inputs.groups.at(-1)?.strokes.map((s) => s.color);
    expect(irisColors).toEqual(['#112233', '#224466', '#0e0c0b']);
  });

  it('an iris masks its own eye: a disc of 1.6 radii, and there is something to synthesize', () => {
    const onlyIris = edit(drawn(), (draft) => {
      layerOf(draft, 'mask').strokes = [];
    });
    expect(hasVisibleMask(onlyIris)).toBe(true);
    const mask = networkInputs(onlyIris).groups.find(
      (group) => group.layerId === 'layer-iris' && group.channel === 'mask',
    );
    const irisLayer = onlyIris.layers.find((layer) => layer.kind === 'iris');
    const mark = irisLayer?.kind === 'iris' ? irisLayer.marks[0] : undefined;
    if (!mark) throw new Error('no iris mark');
    expect(mask?.strokes[0]).toMatchObject({
      tool: 'paint',
      width: 2 * 1.6 * mark.radius,
      points: [{ x: mark.center.x, y: mark.center.y }],
    });
    const noIris = edit(onlyIris, (draft) => {
      layerOf(draft, 'iris').marks = [];
    });
    expect(hasVisibleMask(noIris)).toBe(false);
  });

  it('leaves hidden layers out', () => {
    const hidden = edit(drawn(), (draft) => {
      layerOf(draft, 'sketch').visible = false;
    });
    expect(networkInputs(hidden).groups.map((group) => group.layerId)).not.toContain(
      'layer-sketch',
    );
  });

  it('passes a pasted region with its transform, one group per channel with strokes', () => {
    const withRegion = edit(drawn(), (draft) => {
      draft.layers.push({
        id: 'region',
        name: 'Region',
        kind: 'pasted-region',
        visible: true,
        opacity: 1,
        locked: false,
        sourceAssetId: 'photo-2',
        channels: { mask: [stroke('r1')], sketch: [], color: [stroke('r2', { color: '#ffffff' })] },
        transform: { x: 5, y: 6, scale: 2, angle: 0 },
      });
    });
    const regionGroups = networkInputs(withRegion).groups.filter((g) => g.layerId === 'region');
    expect(regionGroups.map((group) => group.channel)).toEqual(['mask', 'color']);
    expect(regionGroups[0]?.transform).toEqual({ x: 5, y: 6, scale: 2, angle: 0 });
  });
});

describe('hasVisibleMask', () => {
  it('needs visible mask paint; erase strokes alone are no mask', () => {
    expect(hasVisibleMask(drawn())).toBe(true);
    expect(hasVisibleMask(createEmptyDocument(photo))).toBe(false);
    const hidden = edit(drawn(), (draft) => void (layerOf(draft, 'mask').visible = false));
    // The iris still masks its own eye…
    expect(hasVisibleMask(hidden)).toBe(true);
    // …until it is hidden too.
    const allHidden = edit(hidden, (draft) => void (layerOf(draft, 'iris').visible = false));
    expect(hasVisibleMask(allHidden)).toBe(false);
    const onlyErase = edit(createEmptyDocument(photo), (draft) => {
      layerOf(draft, 'mask').strokes.push(stroke('e', { tool: 'erase' }));
    });
    expect(hasVisibleMask(onlyErase)).toBe(false);
  });
});

describe('sameNetworkView', () => {
  const base = drawn();

  it('ignores names, opacity and locks', () => {
    const renamed = edit(base, (draft) => void (layerOf(draft, 'sketch').name = 'Lines'));
    const faded = edit(base, (draft) => void (layerOf(draft, 'sketch').opacity = 0.3));
    const locked = edit(base, (draft) => void (layerOf(draft, 'sketch').locked = true));
    expect(sameNetworkView(base, renamed)).toBe(true);
    expect(sameNetworkView(base, faded)).toBe(true);
    expect(sameNetworkView(base, locked)).toBe(true);
  });

  it('ignores hiding a layer that holds nothing', () => {
    const hiddenEmptyColor = edit(base, (draft) => void (layerOf(draft, 'color').visible = false));
    expect(sameNetworkView(base, hiddenEmptyColor)).toBe(true);
  });

  it('sees strokes, visibility of content, iris marks, work area, seed and photo', () => {
    const changes: ((draft: DocumentDraft) => void)[] = [
      (draft) => void layerOf(draft, 'sketch').strokes.push(stroke('s2')),
      (draft) => void (layerOf(draft, 'sketch').visible = false),
      (draft) => void (layerOf(draft, 'iris').marks[0]!.radius = 11),
      (draft) => void (draft.workArea.x = 60),
      (draft) => void (draft.seed = 2),
      (draft) => void (draft.photo.assetId = 'photo-applied'),
    ];
    for (const change of changes) expect(sameNetworkView(base, edit(base, change))).toBe(false);
  });

  it('sees a reorder of layers (later color strokes win)', () => {
    const reordered = edit(base, (draft) => {
      const [sketch] = draft.layers.splice(2, 1);
      if (sketch) draft.layers.unshift(sketch);
    });
    expect(sameNetworkView(base, reordered)).toBe(false);
  });
});
