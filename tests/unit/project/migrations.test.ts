/**
 * The migration mechanism, with a synthetic registry (the app's real registries are empty:
 * version 1 is the first format FaceShop ever wrote), and the rule that keeps the real ones
 * complete.
 */
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_MIGRATIONS,
  MANIFEST_MIGRATIONS,
  checkMigrationChain,
  migrate,
  type MigrationRegistry,
} from '../../../shared/project/migrations';
import { parseDocument } from '../../../shared/document';

/**
 * A made-up "v0" document, as a pre-release might have written it: one flat list of strokes
 * with a `layer` field instead of layers holding their strokes, and the work area as an array.
 */
const syntheticV0 = {
  schemaVersion: 0,
  photo: { assetId: 'photo-1', width: 100, height: 80 },
  workArea: [10, 0, 80],
  seed: 9,
  strokes: [
    { id: 's1', layer: 'mask', tool: 'paint', width: 5, points: [{ x: 20, y: 20, pressure: 1 }] },
    {
      id: 's2',
      layer: 'color',
      tool: 'paint',
      width: 3,
      color: '#112233',
      points: [{ x: 30, y: 30, pressure: 1 }],
    },
  ],
};

const v0ToV1 = {
  from: 0,
  to: 1,
  description: 'strokes moved into their layers; the work area became an object.',
  migrate(value: Record<string, unknown>) {
    const strokes = value['strokes'] as { layer: string }[];
    const [x, y, size] = value['workArea'] as number[];
    const layer = (kind: string) => ({
      id: `layer-${kind}`,
      name: kind,
      kind,
      visible: true,
      opacity: 1,
      locked: false,
      ...(kind === 'iris'
        ? { marks: [] }
        : {
            strokes: strokes
              .filter((stroke) => stroke.layer === kind)
              .map(({ layer: _layer, ...stroke }) => stroke),
          }),
    });
    return {
      schemaVersion: 1,
      photo: value['photo'],
      workArea: { x, y, size },
      seed: value['seed'],
      layers: ['mask', 'color', 'sketch', 'iris'].map(layer),
    };
  },
};

const synthetic: MigrationRegistry = {
  subject: 'document',
  oldest: 0,
  current: 1,
  steps: [v0ToV1],
};

describe('migrate', () => {
  it('brings a synthetic v0 document to v1, which then validates', () => {
    const outcome = migrate(syntheticV0, synthetic);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.applied).toEqual([v0ToV1]);
    const parsed = parseDocument(outcome.value);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.document.workArea).toEqual({ x: 10, y: 0, size: 80 });
    const color = parsed.document.layers.find((layer) => layer.kind === 'color');
    expect(color?.kind === 'color' && color.strokes[0]?.color).toBe('#112233');
    // The input is never touched.
    expect(syntheticV0.strokes[0]).toHaveProperty('layer', 'mask');
  });

  it('applies several steps in order and stamps each version', () => {
    const seen: number[] = [];
    const step = (from: number) => ({
      from,
      to: from + 1,
      description: `step ${from}`,
      migrate: (value: Record<string, unknown>) => {
        seen.push(value['schemaVersion'] as number);
        return { ...value, trail: `${(value['trail'] as string | undefined) ?? ''}${from}` };
      },
    });
    const registry = {
      subject: 'thing',
      oldest: 1,
      current: 4,
      steps: [step(3), step(1), step(2)],
    };
    const outcome = migrate({ schemaVersion: 1 }, registry);
    expect(outcome).toMatchObject({ ok: true, value: { schemaVersion: 4, trail: '123' } });
    expect(seen).toEqual([1, 2, 3]);
    expect(migrate({ schemaVersion: 4, trail: 'x' }, registry)).toMatchObject({
      ok: true,
      value: { trail: 'x' },
      applied: [],
    });
  });

  it('refuses newer, older, unversioned data and a gap in the chain', () => {
    expect(migrate({ schemaVersion: 2 }, synthetic)).toMatchObject({
      ok: false,
      reason: 'too-new',
      error: 'the document has schema version 2; this FaceShop reads up to version 1',
    });
    expect(migrate({ schemaVersion: -1 }, synthetic)).toMatchObject({ reason: 'no-version' });
    expect(migrate({ schemaVersion: 0 }, { ...synthetic, oldest: 1 })).toMatchObject({
      reason: 'too-old',
    });
    expect(migrate({}, synthetic)).toMatchObject({ reason: 'no-version' });
    expect(migrate([], synthetic)).toMatchObject({ reason: 'no-version' });
    expect(migrate({ schemaVersion: 0 }, { ...synthetic, steps: [] })).toMatchObject({
      ok: false,
      error: 'no conversion of the document from schema version 0 exists',
    });
  });
});

describe('the app’s migration registries', () => {
  it('have one step from every supported version to the next', () => {
    expect(checkMigrationChain(DOCUMENT_MIGRATIONS)).toEqual([]);
    expect(checkMigrationChain(MANIFEST_MIGRATIONS)).toEqual([]);
    expect(checkMigrationChain({ ...synthetic, steps: [] })).toEqual(['0 steps from version 0']);
  });
});
