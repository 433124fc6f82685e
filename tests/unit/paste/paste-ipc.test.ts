/**
 * `convertPasteRegion` through the real dispatcher and client (both transports' data handling),
 * the real sketch-domain graph and real sharp: what it refuses and with which code, and what a
 * conversion of the sample face's eye gives back.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient } from '../../../shared/ipc/client';
import type { BackendApi } from '../../../shared/ipc/contract';
import { createDispatcher } from '../../../shared/ipc/dispatcher';
import { facePartRect } from '../../../shared/paste/face-parts';
import { createBackendHandlers } from '../../../electron/core/backend';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { wireTransport } from '../../support/in-memory-transport';
import { MODELS_DIR, SAMPLE_PHOTO } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

/** The astronaut's face as the network's aligned crops frame it (eyes near 203,102 and 247,103). */
const FACE_AREA = { x: 171, y: 72, size: 107 };

function connect(modelsDir: string): BackendApi {
  const handlers = createBackendHandlers({
    appVersion: '9.9.9',
    modelsDir,
    photos: new PhotoStore(),
    choosePhotoFile: null,
    chooseProjectFile: null,
    chooseProjectSavePath: null,
    recovery: null,
  });
  return createBackendClient(wireTransport(createDispatcher(handlers)));
}

describe('convertPasteRegion', () => {
  let api: BackendApi;
  let photoId: string;

  beforeAll(async () => {
    api = connect(MODELS_DIR);
    const opened = await api.openPhoto({
      source: 'bytes',
      fileName: 'astronaut.png',
      bytes: new Uint8Array(await readFile(SAMPLE_PHOTO)),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    photoId = opened.value.photoId;
  });

  const request = (overrides: Record<string, unknown> = {}) => ({
    sourcePhotoId: photoId,
    sourceArea: FACE_AREA,
    selection: { kind: 'face-part' as const, part: 'left-eye' as const },
    ...overrides,
  });

  it('converts a face-part preset into mask, sketch and colour strokes about its centre', async () => {
    const result = await api.convertPasteRegion(request());
    if (!result.ok) throw new Error(result.error.message);
    const { channels, origin, polygon, linePixels } = result.value;
    const rect = facePartRect('left-eye', FACE_AREA);
    expect(origin.x).toBeCloseTo(rect.x + rect.width / 2, 6);
    expect(origin.y).toBeCloseTo(rect.y + rect.height / 2, 6);
    // The preset is the ellipse inscribed in the part's box, not the box.
    expect(polygon.length).toBeGreaterThan(16);
    for (const p of polygon) {
      const u = (p.x - origin.x) / (rect.width / 2);
      const v = (p.y - origin.y) / (rect.height / 2);
      expect(u * u + v * v).toBeCloseTo(1, 6);
    }
    expect(channels.mask.length).toBeGreaterThan(0);
    // An eye has lines (lids, iris) and flat colours (skin, white).
    expect(linePixels).toBeGreaterThan(20);
    expect(channels.sketch.length).toBeGreaterThan(0);
    expect(channels.color.length).toBeGreaterThan(0);
    // Region coordinates: everything lies about the origin, within the dilated selection.
    const reach = Math.max(rect.width, rect.height);
    for (const stroke of [...channels.mask, ...channels.sketch, ...channels.color]) {
      for (const p of stroke.points) {
        expect(Math.abs(p.x)).toBeLessThan(reach);
        expect(Math.abs(p.y)).toBeLessThan(reach);
      }
    }
  });

  it('converts a lasso and a rectangle', async () => {
    const lasso = await api.convertPasteRegion(
      request({
        selection: {
          kind: 'lasso',
          points: [
            { x: 225, y: 130 },
            { x: 240, y: 150 },
            { x: 210, y: 155 },
          ],
        },
      }),
    );
    expect(lasso.ok).toBe(true);
    const rectangle = await api.convertPasteRegion(
      request({ selection: { kind: 'rectangle', x: 190, y: 92, width: 30, height: 20 } }),
    );
    // A rectangle's corners are rounded; its centre stays the origin.
    if (!rectangle.ok) throw new Error(rectangle.error.message);
    expect(rectangle.value.origin.x).toBeCloseTo(205, 9);
    expect(rectangle.value.origin.y).toBeCloseTo(102, 9);
  });

  it.each([
    ['a malformed photo id', { sourcePhotoId: 'astronaut' }],
    ['a fractional work area', { sourceArea: { x: 1.5, y: 0, size: 100 } }],
    [
      'a lasso of two points',
      {
        selection: {
          kind: 'lasso',
          points: [
            { x: 1, y: 1 },
            { x: 9, y: 9 },
          ],
        },
      },
    ],
    ['an unknown face part', { selection: { kind: 'face-part', part: 'ear' } }],
    [
      'a rectangle without area',
      { selection: { kind: 'rectangle', x: 0, y: 0, width: 0, height: 5 } },
    ],
    ['an unknown selection kind', { selection: { kind: 'magic-wand' } }],
  ])('refuses %s as an invalid request', async (_name, overrides) => {
    const result = await api.convertPasteRegion(request(overrides));
    expect(result.ok || result.error.code).toBe('invalid-request');
  });

  it('relights the colour strokes to the target’s light, and only them', async () => {
    const plain = await api.convertPasteRegion(request());
    const same = await api.convertPasteRegion(
      request({ target: { photoId, workArea: FACE_AREA } }),
    );
    const darker = await api.openPhoto({
      source: 'bytes',
      fileName: 'darker.png',
      bytes: new Uint8Array(
        await sharp(SAMPLE_PHOTO).linear([0.6, 0.7, 0.8], [0, 0, 0]).png().toBuffer(),
      ),
    });
    if (!plain.ok || !same.ok || !darker.ok) throw new Error('conversion failed');
    const relit = await api.convertPasteRegion(
      request({ target: { photoId: darker.value.photoId, workArea: FACE_AREA } }),
    );
    if (!relit.ok) throw new Error(relit.error.message);
    const rgb = (hex: string | undefined) =>
      [1, 3, 5].map((i) => parseInt((hex ?? '').slice(i, i + 2), 16));
    // The same light: the source's colours (a rounding step at most).
    same.value.channels.color.forEach((s, k) => {
      const a = rgb(s.color);
      const b = rgb(plain.value.channels.color[k]?.color);
      a.forEach((v, c) => expect(Math.abs(v - (b[c] as number))).toBeLessThanOrEqual(1));
    });
    // A darker, warmer target: every stroke darker, red most of all; lines and mask unchanged.
    expect(relit.value.channels.color.length).toBe(plain.value.channels.color.length);
    relit.value.channels.color.forEach((s, k) => {
      const [r, g, b] = rgb(s.color) as [number, number, number];
      const [r0, g0, b0] = rgb(plain.value.channels.color[k]?.color) as [number, number, number];
      expect(r).toBeLessThanOrEqual(r0);
      expect(r / Math.max(1, r0)).toBeLessThan(b / Math.max(1, b0));
      expect(g).toBeLessThanOrEqual(g0);
    });
    const points = (strokes: readonly { points: readonly unknown[] }[]) =>
      strokes.map((s) => s.points);
    expect(points(relit.value.channels.sketch)).toEqual(points(plain.value.channels.sketch));
    expect(points(relit.value.channels.mask)).toEqual(points(plain.value.channels.mask));
  });

  it('answers photo-not-found for a target photo the backend does not hold', async () => {
    const result = await api.convertPasteRegion(
      request({
        target: { photoId: 'photo-00000000-0000-4000-8000-000000000000', workArea: FACE_AREA },
      }),
    );
    expect(result.ok || result.error.code).toBe('photo-not-found');
  });

  it('answers photo-not-found for a photo the backend does not hold', async () => {
    const result = await api.convertPasteRegion(
      request({ sourcePhotoId: 'photo-00000000-0000-4000-8000-000000000000' }),
    );
    expect(result.ok || result.error.code).toBe('photo-not-found');
  });

  it.each([
    ['a work area outside the photo', { sourceArea: { x: 600, y: 0, size: 100 } }],
    [
      'a selection outside the work area',
      { selection: { kind: 'rectangle', x: 400, y: 400, width: 50, height: 50 } },
    ],
    [
      'a selection too small to hold a line',
      { selection: { kind: 'rectangle', x: 200, y: 100, width: 2, height: 2 } },
    ],
  ])('answers paste-selection-invalid for %s', async (_name, overrides) => {
    const result = await api.convertPasteRegion(request(overrides));
    expect(result.ok || result.error.code).toBe('paste-selection-invalid');
    expect(result.ok || result.error.message).toMatch(/work area|selection/);
  });

  it('answers model-unavailable when the sketch-domain model is missing', async () => {
    const bare = connect(await makeTempDir());
    const opened = await bare.openPhoto({
      source: 'bytes',
      fileName: 'astronaut.png',
      bytes: new Uint8Array(await readFile(SAMPLE_PHOTO)),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const result = await bare.convertPasteRegion(request({ sourcePhotoId: opened.value.photoId }));
    expect(result.ok || result.error.code).toBe('model-unavailable');
  });
});
