/** The editor's synthesize handler with the real model: document in, feathered RGBA result out. */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/document/create-document';
import type { FaceDocument } from '../../../shared/document/document';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { EditorSynthesis } from '../../../electron/core/synthesis/editor-synthesis';
import { MODEL_MANIFEST } from '../../support/repo-paths';

const photos = new PhotoStore();
const editor = new EditorSynthesis({
  manifestPath: MODEL_MANIFEST,
  photos,
  inference: { threads: 2 },
});
afterAll(() => editor.dispose());

/** A stored PNG photo: a flat skin tone, or the given PNG bytes. */
async function addPhoto(width: number, height: number, png?: Buffer) {
  const bytes =
    png ??
    (await sharp({
      create: { width, height, channels: 3, background: { r: 180, g: 140, b: 120 } },
    })
      .png()
      .toBuffer());
  return photos.add(
    {
      fileName: 'p.png',
      fileBytes: bytes.length,
      format: 'png',
      width,
      height,
      orientation: 1,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: false,
    },
    bytes,
  );
}

function withMask(document: FaceDocument, width: number): FaceDocument {
  return {
    ...document,
    layers: document.layers.map((layer) =>
      layer.kind === 'mask'
        ? {
            ...layer,
            strokes: [
              {
                id: 'm1',
                tool: 'paint' as const,
                width,
                points: [{ x: 300, y: 250, pressure: 1 }],
              },
            ],
          }
        : layer,
    ),
  };
}

describe('EditorSynthesis', () => {
  it('returns the work area as RGBA whose alpha is the feathered mask', async () => {
    const asset = await addPhoto(600, 500);
    const document = withMask(
      createEmptyDocument({ assetId: asset.id, width: 600, height: 500 }),
      100,
    );
    const reply = await editor.synthesize({ requestId: 'a', revision: 3, document });
    expect(reply.ok).toBe(true);
    if (!reply.ok || reply.value.status !== 'done')
      throw new Error(`unexpected ${JSON.stringify(reply)}`);
    const { result } = reply.value;
    expect(reply.value.revision).toBe(3);
    expect(result.workArea).toEqual({ x: 50, y: 0, size: 500 });
    expect(result.rgba.length).toBe(4 * result.resolution * result.resolution);
    const r = result.resolution;
    const alphaAt = (px: number, py: number) => {
      const x = Math.round(((px - 50) / 500) * r);
      const y = Math.round((py / 500) * r);
      return result.rgba[4 * (y * r + x) + 3];
    };
    expect(alphaAt(300, 250)).toBe(255);
    expect(alphaAt(300, 450)).toBe(0);
    expect(alphaAt(60, 10)).toBe(0);
  });

  it('has nothing to do without visible mask paint, and says so', async () => {
    const asset = await addPhoto(200, 200);
    const document = createEmptyDocument({ assetId: asset.id, width: 200, height: 200 });
    expect(await editor.synthesize({ requestId: 'b', revision: 1, document })).toEqual({
      ok: true,
      value: { status: 'nothing-to-do', requestId: 'b', revision: 1 },
    });
  });

  it('reports a closed photo and a missing model as typed errors', async () => {
    const gone = withMask(
      createEmptyDocument({
        assetId: 'photo-00000000-0000-4000-8000-000000000000',
        width: 600,
        height: 500,
      }),
      50,
    );
    const reply = await editor.synthesize({ requestId: 'c', revision: 1, document: gone });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('photo-not-found');

    const asset = await addPhoto(600, 500);
    const noModel = new EditorSynthesis({
      manifestPath: path.join(path.dirname(MODEL_MANIFEST), 'missing.json'),
      photos,
    });
    const missing = await noModel.synthesize({
      requestId: 'd',
      revision: 1,
      document: withMask(createEmptyDocument({ assetId: asset.id, width: 600, height: 500 }), 50),
    });
    expect(missing.ok ? 'ok' : `${missing.error.code}: ${missing.error.message}`).toMatch(
      /^model-unavailable: Model not installed/,
    );
  });

  it('applies the edit as a new full-resolution photo, unchanged outside the feathered mask', async () => {
    const asset = await addPhoto(600, 500);
    const document = withMask(
      createEmptyDocument({ assetId: asset.id, width: 600, height: 500 }),
      80,
    );
    const reply = await editor.apply(document);
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.photoId).not.toBe(asset.id);
    expect([reply.value.info.width, reply.value.info.height, reply.value.info.format]).toEqual([
      600,
      500,
      'png',
    ]);
    const baked = photos.get(reply.value.photoId);
    expect(baked).toBeDefined();
    const before = await sharp(asset.source).removeAlpha().raw().toBuffer();
    const after = await sharp(baked?.source).removeAlpha().raw().toBuffer();
    let outside = 0;
    let inside = 0;
    for (let y = 0; y < 500; y++) {
      for (let x = 0; x < 600; x++) {
        const i = 3 * (y * 600 + x);
        const changed =
          before[i] !== after[i] ||
          before[i + 1] !== after[i + 1] ||
          before[i + 2] !== after[i + 2];
        const d = Math.hypot(x - 300, y - 250);
        if (d > 40 + 20 && changed) outside++;
        if (d < 30 && changed) inside++;
      }
    }
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(1000);
    const nothing = await editor.apply(
      createEmptyDocument({ assetId: asset.id, width: 600, height: 500 }),
    );
    expect(nothing.ok ? 'ok' : nothing.error.code).toBe('invalid-request');
  });
});

describe('the backend trusts its own record of the photo (reliability finding 1)', () => {
  it('refuses a document that claims a 40000² photo, or a work area past the photo, before decoding anything', async () => {
    const asset = await addPhoto(1024, 1024);
    const lying = withMask(
      {
        ...createEmptyDocument({ assetId: asset.id, width: 1024, height: 1024 }),
        photo: { assetId: asset.id, width: 40000, height: 40000 },
        workArea: { x: 0, y: 0, size: 40000 },
      },
      50,
    );
    const request = { requestId: 'r1', revision: 1, document: lying };
    for (const result of [
      await editor.synthesize(request),
      await editor.apply(lying),
      await editor.exportDocument(lying, { format: 'png' }),
    ]) {
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-request',
          message: expect.stringMatching(/40000×40000 photo, but its photo is 1024×1024/),
        },
      });
    }
    const outside = withMask(
      {
        ...createEmptyDocument({ assetId: asset.id, width: 1024, height: 1024 }),
        workArea: { x: 900, y: 0, size: 1000 },
      },
      50,
    );
    expect(await editor.synthesize({ ...request, document: outside })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        message: expect.stringMatching(/work area lies outside the photo/),
      },
    });
  });
});

describe('the preview is the export (refined preview)', () => {
  it('for a work area larger than the network frame, the preview layer over the photo gives the exported pixels', async () => {
    const width = 800;
    const height = 700;
    // A gradient with grain, so the detail stage has something to carry.
    const raw = Buffer.alloc(width * height * 3);
    let seed = 11;
    for (let i = 0; i < width * height; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grain = ((seed >>> 16) % 21) - 10;
      const x = i % width;
      const y = Math.floor(i / width);
      raw[3 * i] = 150 + Math.round((x / width) * 60) + grain;
      raw[3 * i + 1] = 120 + Math.round((y / height) * 40) + grain;
      raw[3 * i + 2] = 110 + grain;
    }
    const asset = await addPhoto(
      width,
      height,
      await sharp(raw, { raw: { width, height, channels: 3 } })
        .png()
        .toBuffer(),
    );
    const document = withMask(createEmptyDocument({ assetId: asset.id, width, height }), 120);
    const reply = await editor.synthesize({ requestId: 'p', revision: 1, document });
    if (!reply.ok || reply.value.status !== 'done') throw new Error(JSON.stringify(reply));
    const { result } = reply.value;
    const area = result.workArea;
    expect(result.resolution).toBe(area.size); // not the network's 256
    const exported = await editor.exportDocument(document, { format: 'png' });
    if (!exported.ok) throw new Error(exported.error.message);
    const out = await sharp(exported.value.bytes).removeAlpha().raw().toBuffer();
    let worst = 0;
    let changed = 0;
    for (let y = 0; y < area.size; y++)
      for (let x = 0; x < area.size; x++) {
        const i = 4 * (y * area.size + x);
        const a = (result.rgba[i + 3] as number) / 255;
        const p = 3 * ((y + area.y) * width + x + area.x);
        for (let c = 0; c < 3; c++) {
          const o = raw[p + c] as number;
          const shown = Math.round(o + ((result.rgba[i + c] as number) - o) * a);
          worst = Math.max(worst, Math.abs(shown - (out[p + c] as number)));
          if (out[p + c] !== o) changed++;
        }
      }
    expect(changed).toBeGreaterThan(1000);
    expect(worst).toBeLessThanOrEqual(2);
  }, 60_000);
});

describe('the result at 100 % (full resolution)', () => {
  it('asked for at the work area’s own side, it is the export’s region itself, past the 1536-px preview cap', async () => {
    const width = 2000;
    const height = 1800;
    const raw = Buffer.alloc(width * height * 3);
    let seed = 5;
    for (let i = 0; i < width * height; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grain = ((seed >>> 16) % 21) - 10;
      raw[3 * i] = 160 + grain;
      raw[3 * i + 1] = 125 + grain;
      raw[3 * i + 2] = 112 + grain;
    }
    const asset = await addPhoto(
      width,
      height,
      await sharp(raw, { raw: { width, height, channels: 3 } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
    const empty = createEmptyDocument({ assetId: asset.id, width, height });
    const document = withMask({ ...empty, workArea: { x: 100, y: 50, size: 1700 } }, 150);
    // Fitted (no side asked for): the capped preview of the whole work area.
    const fitted = await editor.synthesize({ requestId: 'f', revision: 1, document });
    if (!fitted.ok || fitted.value.status !== 'done') throw new Error(JSON.stringify(fitted));
    expect(fitted.value.result.resolution).toBe(1536);
    expect(fitted.value.result.region).toBeUndefined();
    // At 100 %: the work area at full resolution, only the region the edit can change.
    const full = await editor.synthesize({
      requestId: 'z',
      revision: 1,
      document,
      previewSide: 1700,
    });
    if (!full.ok || full.value.status !== 'done') throw new Error(JSON.stringify(full));
    const { result } = full.value;
    expect(result.resolution).toBe(1700);
    const region = result.region!;
    expect(region.width * region.height * 4).toBe(result.rgba.length);
    expect(region.width).toBeLessThan(1700);
    const exported = await editor.exportDocument(document, { format: 'png' });
    if (!exported.ok) throw new Error(exported.error.message);
    const out = await sharp(exported.value.bytes).removeAlpha().raw().toBuffer();
    let worst = 0;
    let changed = 0;
    let changedOutsideRegion = 0;
    const area = result.workArea;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const p = 3 * (y * width + x);
        const rx = x - area.x - region.x;
        const ry = y - area.y - region.y;
        const inRegion = rx >= 0 && ry >= 0 && rx < region.width && ry < region.height;
        for (let c = 0; c < 3; c++) {
          const o = raw[p + c] as number;
          if (!inRegion) {
            if (out[p + c] !== o) changedOutsideRegion++;
            continue;
          }
          const i = 4 * (ry * region.width + rx);
          const a = (result.rgba[i + 3] as number) / 255;
          const shown = Math.round(o + ((result.rgba[i + c] as number) - o) * a);
          worst = Math.max(worst, Math.abs(shown - (out[p + c] as number)));
          if (out[p + c] !== o) changed++;
        }
      }
    expect(changedOutsideRegion).toBe(0);
    expect(changed).toBeGreaterThan(1000);
    expect(worst).toBeLessThanOrEqual(2);
  }, 120_000);
});
