/**
 * Property-based fuzzing (fast-check) of what faces the outside world: the IPC contract as the
 * dispatcher serves it (every method, arbitrary payloads), the project loader (valid projects
 * with random corruption), and the stroke rasterizer (arbitrary strokes). The properties: every
 * call ends with a typed answer — a result envelope, a ProjectFileError, a raster or a budget
 * refusal — never an untyped throw, a crash or a hang. Seeds are fixed so a failure reproduces;
 * the run counts keep the suite to seconds.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendHandlers } from '../../../electron/core/backend';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { ProjectFileError } from '../../../electron/core/project/project-file-error';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { createEmptyDocument } from '../../../shared/document/create-document';
import { methodNames } from '../../../shared/ipc/contract';
import { createDispatcher, type Dispatcher } from '../../../shared/ipc/dispatcher';
import {
  RasterBudgetError,
  rasterizeColor,
  rasterizeCoverage,
} from '../../../shared/raster/rasterize-strokes';
import { documentWithEveryLayer, storeWithPhotos } from '../../support/project-fixtures';
import { MODELS_DIR, SAMPLE_PHOTO } from '../../support/repo-paths';

let dispatcher: Dispatcher;
const internal: string[] = [];
let validProject: Uint8Array;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faceshop-fuzz-'));
  const handlers = createBackendHandlers({
    appVersion: '0.0.0-fuzz',
    modelsDir: MODELS_DIR,
    photos: new PhotoStore(),
    choosePhotoFile: null,
    chooseProjectFile: null,
    chooseProjectSavePath: null,
    recovery: null,
  });
  dispatcher = createDispatcher(handlers, (method, error) =>
    internal.push(`${method}: ${String(error)}`),
  );
  const photos = await storeWithPhotos();
  const document = documentWithEveryLayer(
    { assetId: photos.photoId, width: 160, height: 200 },
    photos.sourceId,
  );
  const file = path.join(dir, 'valid.faceshop');
  const saved = await saveProjectFile(document, file, {
    photos: photos.store,
    appVersion: '1.0.0',
    model: null,
    withPreview: false,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  validProject = new Uint8Array(await readFile(file));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const isEnvelope = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  ((value as { ok?: unknown }).ok === true ||
    ((value as { ok?: unknown }).ok === false &&
      typeof (value as { error?: { code?: unknown } }).error?.code === 'string'));

describe('fuzzing the IPC contract', () => {
  it('every method answers arbitrary payloads with a typed envelope', async () => {
    // Methods that would open a window or block on a person are not callable here anyway:
    // their chooser is null, so they answer at once.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methodNames),
        fc.oneof(
          fc.anything(),
          fc.record({ source: fc.constantFrom('path', 'bytes'), path: fc.string() }),
          fc.record({ document: fc.anything(), requestId: fc.string(), revision: fc.nat() }),
        ),
        async (method, payload) => {
          const reply = await dispatcher.dispatch(method, payload);
          expect(isEnvelope(reply)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 1901 },
    );
  }, 120_000);

  it('unknown methods are refused by name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (name) => {
        fc.pre(!(methodNames as readonly string[]).includes(name));
        const reply = await dispatcher.dispatch(name, {});
        expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      }),
      { numRuns: 100, seed: 1902 },
    );
  });
});

describe('fuzzing synthesis with schema-valid documents', () => {
  it('arbitrary strokes on a real photo: a result, nothing to do, or a clear refusal', async () => {
    const opened = (await dispatcher.dispatch('openPhoto', {
      source: 'bytes',
      fileName: 'astronaut.png',
      bytes: new Uint8Array(await readFile(SAMPLE_PHOTO)),
    })) as { ok: boolean; value?: { photoId: string } };
    if (!opened.ok || !opened.value) throw new Error('the sample did not open');
    const photoId = opened.value.photoId;
    const coordinate = fc.double({ min: -5000, max: 5000, noNaN: true });
    const strokes = fc.array(
      fc.record({
        tool: fc.constantFrom('paint' as const, 'erase' as const),
        width: fc.double({ min: 0.5, max: 20_000, noNaN: true }),
        points: fc.array(
          fc.record({
            x: coordinate,
            y: coordinate,
            pressure: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
      }),
      { maxLength: 8 },
    );
    const area = fc.record({
      x: fc.integer({ min: 0, max: 600 }),
      y: fc.integer({ min: 0, max: 600 }),
      size: fc.integer({ min: 1, max: 700 }),
    });
    let k = 0;
    await fc.assert(
      fc.asyncProperty(strokes, strokes, area, async (mask, sketch, workArea) => {
        const empty = createEmptyDocument({ assetId: photoId, width: 512, height: 512 });
        const withIds = (list: typeof mask, channel: string) =>
          list.map((stroke, i) => ({ ...stroke, id: `${channel}-${k}-${i}` }));
        k++;
        const document = {
          ...empty,
          workArea,
          layers: empty.layers.map((layer) =>
            layer.kind === 'mask'
              ? { ...layer, strokes: withIds(mask, 'm') }
              : layer.kind === 'sketch'
                ? { ...layer, strokes: withIds(sketch, 's') }
                : layer,
          ),
        };
        const reply = (await dispatcher.dispatch('synthesize', {
          requestId: `f${k}`,
          revision: k,
          document,
        })) as { ok: boolean; value?: { status: string }; error?: { code: string } };
        expect(isEnvelope(reply)).toBe(true);
        if (!reply.ok) expect(reply.error?.code).toBe('invalid-request');
        else expect(['done', 'nothing-to-do', 'superseded']).toContain(reply.value?.status);
      }),
      { numRuns: 30, seed: 1905 },
    );
  }, 180_000);
});

describe('fuzzing the project loader', () => {
  it('a corrupted project opens or is refused with a ProjectFileError, never anything else', async () => {
    const mutation = fc.oneof(
      // Flip bytes.
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 12,
      }),
      // Truncate.
      fc.nat().map((n) => ({ truncate: n })),
      // Splice in garbage.
      fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const bytes = new Uint8Array(validProject);
        let mutated: Uint8Array = bytes;
        if (Array.isArray(m) && Array.isArray(m[0])) {
          for (const [at, xor] of m as [number, number][]) {
            const i = at % bytes.length;
            bytes[i] = (bytes[i] as number) ^ xor;
          }
        } else if ('truncate' in (m as object)) {
          mutated = bytes.subarray(0, (m as { truncate: number }).truncate % bytes.length);
        } else {
          const [at, garbage] = m as [number, Uint8Array];
          const i = at % bytes.length;
          mutated = new Uint8Array([...bytes.subarray(0, i), ...garbage, ...bytes.subarray(i)]);
        }
        try {
          await readProjectFile({ kind: 'bytes', bytes: mutated }, 'fuzz.faceshop');
        } catch (error) {
          if (!(error instanceof ProjectFileError)) throw error;
          expect(error.message).toMatch(/fuzz\.faceshop/);
          expect(error.message).not.toMatch(/Vips|vips|zlib|ERR_|undefined|\[object/);
        }
      }),
      { numRuns: 250, seed: 1903 },
    );
  }, 120_000);
});

describe('fuzzing the stroke rasterizer', () => {
  const point = fc.record({
    x: fc.double({ min: -2000, max: 2000, noNaN: true }),
    y: fc.double({ min: -2000, max: 2000, noNaN: true }),
    pressure: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const stroke = fc.record({
    tool: fc.constantFrom('paint' as const, 'erase' as const),
    width: fc.double({ min: 0.01, max: 5000, noNaN: true }),
    points: fc.array(point, { minLength: 1, maxLength: 40 }),
    color: fc.constantFrom('#000000', '#ff8800', '#2f7fd8'),
  });

  it('arbitrary strokes give a raster of coverage in [0, 1] or a budget refusal', () => {
    fc.assert(
      fc.property(
        fc.array(stroke, { maxLength: 12 }),
        fc.constantFrom(64, 256),
        fc.boolean(),
        (strokes, resolution, pressureAware) => {
          const frame = { x: -100, y: 50, size: 900, resolution };
          try {
            const coverage = rasterizeCoverage(strokes, frame, { pressureAware, minWidth: 1 });
            expect(coverage).toHaveLength(resolution * resolution);
            for (const v of coverage) if (!(v >= 0 && v <= 1)) throw new Error(`coverage ${v}`);
            const color = rasterizeColor(strokes, frame, { minWidth: 1.5 });
            expect(color).toHaveLength(4 * resolution * resolution);
          } catch (error) {
            if (!(error instanceof RasterBudgetError)) throw error;
          }
        },
      ),
      { numRuns: 300, seed: 1904 },
    );
  });
});

// Last: after every fuzzing run above.
it('no handler threw behind the dispatcher during the fuzzing (a contained throw is still a bug)', () => {
  expect(internal).toEqual([]);
});
