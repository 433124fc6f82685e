/** The document's schema: what it accepts, what it refuses and why. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_SCHEMA_VERSION,
  createEmptyDocument,
  parseDocument,
  type FaceDocument,
} from '../../../shared/document';
import { REPO_ROOT } from '../../support/repo-paths';

const photo = { assetId: 'photo-1', width: 640, height: 480 };

/** A document with something in every kind of layer. */
function fullDocument(): FaceDocument {
  const empty = createEmptyDocument(photo, 42);
  const stroke = (id: string, color?: string) => ({
    id,
    tool: 'paint' as const,
    points: [
      { x: 10, y: 20, pressure: 1 },
      { x: 30, y: 40, pressure: 0.5 },
    ],
    width: 4,
    ...(color ? { color } : {}),
  });
  return {
    ...empty,
    layers: [
      ...empty.layers.map((layer) => {
        switch (layer.kind) {
          case 'mask':
            return {
              ...layer,
              strokes: [stroke('m1'), { ...stroke('m2'), tool: 'erase' as const }],
            };
          case 'sketch':
            return { ...layer, strokes: [stroke('s1')] };
          case 'color':
            return { ...layer, strokes: [stroke('c1', '#aa3300')] };
          case 'iris':
            return {
              ...layer,
              marks: [{ id: 'i1', center: { x: 100, y: 100 }, radius: 12, color: '#336699' }],
            };
          default:
            return layer;
        }
      }),
      {
        id: 'region-1',
        name: 'Region 1',
        kind: 'pasted-region',
        visible: true,
        opacity: 0.8,
        locked: false,
        sourceAssetId: 'photo-2',
        channels: {
          mask: [stroke('r1')],
          sketch: [stroke('r2')],
          color: [stroke('r3', '#ffffff')],
        },
        transform: { x: 50, y: 60, scale: 0.5, angle: 15 },
      },
    ],
  };
}

/** Parses a modified copy of a valid document and returns the error. */
function errorOf(change: (document: Record<string, unknown>) => void): string {
  const document = structuredClone(fullDocument()) as unknown as Record<string, unknown>;
  change(document);
  const result = parseDocument(document);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

type Json = Record<string, unknown> & { layers: Record<string, unknown>[] };
const json = (document: Record<string, unknown>) => document as Json;
const layerOfKind = (document: Record<string, unknown>, kind: string) => {
  const layer = json(document).layers.find((candidate) => candidate['kind'] === kind);
  if (!layer) throw new Error(`no ${kind} layer`);
  return layer as Record<string, unknown> & { strokes: Record<string, unknown>[] };
};

describe('createEmptyDocument', () => {
  it('has one empty layer of each base kind, visible and unlocked, in drawing order', () => {
    const document = createEmptyDocument(photo, 3);
    expect(document.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(document.seed).toBe(3);
    expect(document.layers.map((layer) => [layer.kind, layer.visible, layer.locked])).toEqual([
      ['mask', true, false],
      ['color', true, false],
      ['sketch', true, false],
      ['iris', true, false],
    ]);
    expect(parseDocument(document)).toEqual({ ok: true, document });
  });
});

describe('parseDocument', () => {
  it('round-trips a full document through JSON unchanged', () => {
    const document = fullDocument();
    const result = parseDocument(JSON.parse(JSON.stringify(document)));
    expect(result).toEqual({ ok: true, document });
  });

  it('opens the version 1 fixture', () => {
    const file = path.join(REPO_ROOT, 'tests/fixtures/document/v1-basic.faceshop.json');
    const result = parseDocument(JSON.parse(readFileSync(file, 'utf8')));
    if (!result.ok) throw new Error(result.error);
    expect(result.document.photo).toEqual({ assetId: 'photo-portrait', width: 1200, height: 1600 });
    expect(result.document.layers.map((layer) => layer.kind)).toEqual([
      'mask',
      'color',
      'sketch',
      'pasted-region',
      'iris',
    ]);
  });

  it('refuses what is not a document', () => {
    expect(parseDocument(null).ok).toBe(false);
    expect(parseDocument('{}').ok).toBe(false);
    expect(parseDocument({}).ok).toBe(false);
  });

  it('names the version when a document is newer or older than this build', () => {
    expect(errorOf((d) => void (d['schemaVersion'] = 2))).toMatch(/newer FaceShop.*version 2/);
    expect(errorOf((d) => void (d['schemaVersion'] = 0))).toMatch(/needs a migration/);
  });

  it('refuses a work area outside the photo', () => {
    expect(errorOf((d) => void (d['workArea'] = { x: 400, y: 0, size: 300 }))).toMatch(
      /work area lies outside the photo/,
    );
  });

  it('refuses a document without a layer the tools draw into', () => {
    const error = errorOf((d) => {
      json(d).layers = json(d).layers.filter((layer) => layer['kind'] !== 'sketch');
    });
    expect(error).toMatch(/no sketch layer/);
  });

  it('refuses duplicate layer ids and duplicate stroke ids', () => {
    expect(errorOf((d) => void (json(d).layers[1]!['id'] = json(d).layers[0]!['id']))).toMatch(
      /duplicate layer id/,
    );
    expect(
      errorOf((d) => {
        const sketch = layerOfKind(d, 'sketch');
        sketch.strokes[0]!['id'] = 'm1';
      }),
    ).toMatch(/duplicate id "m1"/);
  });

  it('refuses a color stroke without a color, and a color on a sketch stroke', () => {
    expect(errorOf((d) => void delete layerOfKind(d, 'color').strokes[0]!['color'])).toMatch(
      /has no color/,
    );
    expect(
      errorOf((d) => void (layerOfKind(d, 'sketch').strokes[0]!['color'] = '#000000')),
    ).toMatch(/carries a color/);
  });

  it('refuses malformed strokes, colors and layers, naming where', () => {
    const point = (d: Record<string, unknown>) =>
      (layerOfKind(d, 'mask').strokes[0]!['points'] as Record<string, unknown>[])[0]!;
    const at = (where: string) => new RegExp(`at ${where.replace(/[[\].]/g, '\\$&')}$`, 'm');
    expect(errorOf((d) => void (point(d)['pressure'] = 1.5))).toMatch(
      at('layers[0].strokes[0].points[0].pressure'),
    );
    expect(errorOf((d) => void (point(d)['x'] = 'ten'))).toMatch(
      at('layers[0].strokes[0].points[0].x'),
    );
    expect(errorOf((d) => void (layerOfKind(d, 'mask').strokes[0]!['width'] = -1))).toMatch(
      at('layers[0].strokes[0].width'),
    );
    expect(errorOf((d) => void (layerOfKind(d, 'mask').strokes[0]!['points'] = []))).toMatch(
      at('layers[0].strokes[0].points'),
    );
    expect(errorOf((d) => void (layerOfKind(d, 'mask').strokes[0]!['tool'] = 'smudge'))).toMatch(
      at('layers[0].strokes[0].tool'),
    );
    expect(errorOf((d) => void (layerOfKind(d, 'color').strokes[0]!['color'] = 'red'))).toMatch(
      /#rrggbb[\s\S]*at layers\[1\]\.strokes\[0\]\.color/,
    );
    expect(errorOf((d) => void (json(d).layers[0]!['opacity'] = 2))).toMatch(
      at('layers[0].opacity'),
    );
    expect(errorOf((d) => void (json(d).layers[0]!['kind'] = 'adjustment'))).toMatch(
      at('layers[0].kind'),
    );
    expect(errorOf((d) => void (d['seed'] = -1))).toMatch(at('seed'));
    expect(errorOf((d) => void (json(d).layers[0]!['id'] = 'has space'))).toMatch(
      /not a valid id\n.*at layers\[0\]\.id/,
    );
  });
});
