/** Repair on load: what is mended, what is dropped (each with a warning), what is refused. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import type { FaceDocument } from '../../../shared/document';
import { repairDocument } from '../../../shared/project/repair-document';
import {
  documentWithEveryLayer,
  editJson,
  rezip,
  storeWithPhotos,
} from '../../support/project-fixtures';
import { makeTempDir } from '../../support/temp-dir';

const PHOTO = 'photo-aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const SOURCE = 'photo-bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb';
const everything = new Set([PHOTO, SOURCE]);

type Json = Record<string, unknown> & { layers: Record<string, unknown>[] };

function damaged(change: (document: Json) => void): Json {
  const document = JSON.parse(
    JSON.stringify(documentWithEveryLayer({ assetId: PHOTO, width: 160, height: 200 }, SOURCE)),
  ) as Json;
  change(document);
  return document;
}

function repaired(document: Json, available: ReadonlySet<string> = everything) {
  const outcome = repairDocument(document, { availableAssetIds: available });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

const layerOf = (document: FaceDocument, kind: string) =>
  document.layers.find((layer) => layer.kind === kind);

describe('repairDocument', () => {
  it('returns a valid document unchanged, with no warnings', () => {
    const original = documentWithEveryLayer({ assetId: PHOTO, width: 160, height: 200 }, SOURCE);
    const outcome = repaired(JSON.parse(JSON.stringify(original)) as Json);
    expect(outcome.document).toEqual(original);
    expect(outcome.warnings).toEqual([]);
  });

  it('drops malformed strokes and keeps the rest of their layer', () => {
    const outcome = repaired(
      damaged((document) => {
        const mask = document.layers[0] as { strokes: unknown[] };
        mask.strokes.push({ id: 'bad', tool: 'paint', points: [], width: 3 });
        mask.strokes.push('not a stroke');
      }),
    );
    const mask = layerOf(outcome.document, 'mask');
    expect(mask?.kind === 'mask' && mask.strokes.map((stroke) => stroke.id)).toEqual(['m1', 'm2']);
    expect(outcome.warnings).toEqual([
      { code: 'item-dropped', message: 'Layer “Mask”: 2 malformed strokes were removed.' },
    ]);
  });

  it('drops a malformed iris mark', () => {
    const outcome = repaired(
      damaged((document) => {
        const iris = document.layers.find((layer) => layer['kind'] === 'iris') as {
          marks: unknown[];
        };
        iris.marks.push({ id: 'i2', center: { x: 1, y: 1 }, radius: -4, color: '#000000' });
      }),
    );
    expect(outcome.warnings).toEqual([
      { code: 'item-dropped', message: 'Layer “Iris”: 1 malformed iris mark was removed.' },
    ]);
  });

  it('drops a layer of an unknown kind, and adds back a missing base layer', () => {
    const outcome = repaired(
      damaged((document) => {
        document.layers.push({ id: 'x', kind: 'hologram', name: 'Future', visible: true });
        document.layers = document.layers.filter((layer) => layer['kind'] !== 'sketch');
      }),
    );
    expect(outcome.document.layers.map((layer) => layer.kind)).toEqual([
      'mask',
      'color',
      'iris',
      'pasted-region',
      'sketch',
    ]);
    expect(layerOf(outcome.document, 'sketch')).toMatchObject({ id: 'layer-sketch', strokes: [] });
    expect(outcome.warnings.map((warning) => warning.code)).toEqual([
      'layer-dropped',
      'layer-added',
    ]);
    expect(outcome.warnings[0]?.message).toBe('Layer 5 was removed: it is not a valid layer.');
  });

  it('drops a pasted region whose source photo is missing from the project', () => {
    const outcome = repaired(
      damaged(() => undefined),
      new Set([PHOTO]),
    );
    expect(layerOf(outcome.document, 'pasted-region')).toBeUndefined();
    expect(outcome.warnings).toEqual([
      {
        code: 'pasted-region-dropped',
        message:
          'The pasted region “Nose from donor” was removed: the photo it was copied from is missing from the project.',
      },
    ]);
  });

  it('renames duplicate ids instead of losing the strokes', () => {
    const outcome = repaired(
      damaged((document) => {
        const color = document.layers.find((layer) => layer['kind'] === 'color') as {
          strokes: { id: string }[];
        };
        (color.strokes[0] as { id: string }).id = 'm1';
      }),
    );
    const color = layerOf(outcome.document, 'color');
    expect(color?.kind === 'color' && color.strokes[0]?.id).toBe('m1-2');
    expect(outcome.warnings).toEqual([
      { code: 'duplicate-id', message: '1 duplicate id was renamed.' },
    ]);
  });

  it('fits colors to channels: drops color strokes without one, strips stray ones', () => {
    const outcome = repaired(
      damaged((document) => {
        const color = document.layers.find((layer) => layer['kind'] === 'color') as {
          strokes: Record<string, unknown>[];
        };
        delete color.strokes[0]?.['color'];
        const mask = document.layers[0] as { strokes: Record<string, unknown>[] };
        (mask.strokes[0] as Record<string, unknown>)['color'] = '#ff0000';
      }),
    );
    const color = layerOf(outcome.document, 'color');
    expect(color?.kind === 'color' && color.strokes).toEqual([]);
    const mask = layerOf(outcome.document, 'mask');
    expect(mask?.kind === 'mask' && mask.strokes[0]?.color).toBeUndefined();
    expect(outcome.warnings.map((warning) => warning.code)).toEqual([
      'item-dropped',
      'color-fixed',
    ]);
  });

  it('moves a work area that reaches outside the photo back inside', () => {
    const outcome = repaired(
      damaged((document) => {
        document['workArea'] = { x: 100, y: 150, size: 128 };
      }),
    );
    expect(outcome.document.workArea).toEqual({ x: 32, y: 72, size: 128 });
    expect(outcome.warnings.map((warning) => warning.code)).toEqual(['work-area-moved']);
  });

  it('refuses what cannot be repaired: the photo reference, the seed', () => {
    expect(
      repairDocument(
        damaged((document) => delete document['photo']),
        {
          availableAssetIds: everything,
        },
      ),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('its photo reference is invalid'),
    });
    expect(
      repairDocument(
        damaged((document) => (document['seed'] = -1)),
        {
          availableAssetIds: everything,
        },
      ),
    ).toMatchObject({ ok: false, error: expect.stringContaining('its seed is invalid') });
  });

  it('folds a long tail of repairs into one line', () => {
    const outcome = repaired(
      damaged((document) => {
        for (let i = 0; i < 40; i++) {
          document.layers.push({ id: `junk-${i}`, kind: 'mask', name: '' });
        }
      }),
    );
    expect(outcome.warnings).toHaveLength(31);
    expect(outcome.warnings[30]?.message).toBe('…and 10 more repairs.');
  });
});

describe('repair while opening a file', () => {
  it('lists every repair in the result, and the file opens', async () => {
    const photos = await storeWithPhotos();
    const document = documentWithEveryLayer(
      { assetId: photos.photoId, width: 160, height: 200 },
      photos.sourceId,
    );
    const file = path.join(await makeTempDir(), 'p.faceshop');
    const saved = await saveProjectFile(document, file, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    // The paste source's entry is gone and a stroke is broken.
    const bytes = await rezip(await readFile(file), (entries) =>
      editJson(
        entries.filter((entry) => entry.name !== `assets/${photos.sourceId}.png`),
        'document.json',
        (json) => {
          const layers = json['layers'] as { kind: string; strokes?: unknown[] }[];
          layers.find((layer) => layer.kind === 'sketch')?.strokes?.push({ id: 'broken' });
          return json;
        },
      ),
    );
    const contents = await readProjectFile({ kind: 'bytes', bytes }, 'p.faceshop');
    expect(contents.warnings.map((warning) => warning.code)).toEqual([
      'asset-dropped',
      'item-dropped',
      'pasted-region-dropped',
    ]);
    expect(contents.document.layers.some((layer) => layer.kind === 'pasted-region')).toBe(false);
    expect(contents.assets.has(photos.sourceId)).toBe(false);
  });
});
