/** File → Export through the real handler: real model, real sharp, real files on disk. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPhoto, type ExportDependencies } from '../../../electron/core/export/export-handler';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { EditorSynthesis } from '../../../electron/core/synthesis/editor-synthesis';
import { createEmptyDocument } from '../../../shared/document/create-document';
import type { FaceDocument } from '../../../shared/document/document';
import { suggestedExportName, withExportExtension } from '../../../shared/export/export-api';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { gradientRaw } from '../../support/photo-fixtures';
import { makeTempDir } from '../../support/temp-dir';

const photos = new PhotoStore();
const synthesis = new EditorSynthesis({
  manifestPath: MODEL_MANIFEST,
  photos,
  inference: { threads: 2 },
});
afterAll(() => synthesis.dispose());
const deps = (chooser: ExportDependencies['chooseExportPath'] = null): ExportDependencies => ({
  photos,
  synthesis,
  chooseExportPath: chooser,
});

async function addPhoto(width: number, height: number, bytes?: Buffer) {
  const source = bytes ?? (await gradientRaw(width, height).png().toBuffer());
  const asset = photos.add(
    {
      fileName: 'portrait.png',
      fileBytes: source.length,
      format: 'png',
      width,
      height,
      orientation: 1,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: false,
    },
    source,
  );
  return { asset, document: createEmptyDocument({ assetId: asset.id, width, height }) };
}

function withColorStroke(
  document: FaceDocument,
  x0: number,
  x1: number,
  y: number,
  color: string,
): FaceDocument {
  const points = [
    { x: x0, y, pressure: 1 },
    { x: x1, y, pressure: 1 },
  ];
  return {
    ...document,
    layers: document.layers.map((layer) =>
      layer.kind === 'color'
        ? { ...layer, strokes: [{ id: 'c1', tool: 'paint' as const, width: 8, points, color }] }
        : layer,
    ),
  };
}

function withMask(document: FaceDocument, x: number, y: number, width: number): FaceDocument {
  return {
    ...document,
    layers: document.layers.map((layer) =>
      layer.kind === 'mask'
        ? {
            ...layer,
            strokes: [{ id: 'm1', tool: 'paint' as const, width, points: [{ x, y, pressure: 1 }] }],
          }
        : layer,
    ),
  };
}

async function rawPixels(file: string | Buffer) {
  return sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
}

describe('exportPhoto', () => {
  it('exports a document without mask paint as the photo itself, lossless', async () => {
    const { asset, document } = await addPhoto(320, 240);
    const dir = await makeTempDir();
    const reply = await exportPhoto(
      { document, format: 'png', path: path.join(dir, 'out') },
      deps(),
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok || reply.value === null) return;
    expect(reply.value).toMatchObject({
      path: path.join(dir, 'out.png'),
      format: 'png',
      width: 320,
      height: 240,
      edited: false,
    });
    const written = await rawPixels(reply.value.path);
    const original = await rawPixels(Buffer.from(asset.source));
    expect(Buffer.compare(written.data, original.data)).toBe(0);
  });

  it('exports the edit as JPEG at full size: changed under the mask, the same far from it', async () => {
    const { asset, document } = await addPhoto(640, 480);
    const dir = await makeTempDir();
    const reply = await exportPhoto(
      {
        // A bare mask over a smooth gradient is filled back almost exactly (as it should be);
        // a dark colour stroke across the centre asks the network for a visible change.
        document: withColorStroke(withMask(document, 320, 240, 60), 300, 340, 240, '#202040'),
        format: 'jpeg',
        quality: 92,
        path: path.join(dir, 'edit.jpg'),
      },
      deps(),
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok || reply.value === null) return;
    expect(reply.value).toMatchObject({ format: 'jpeg', width: 640, height: 480, edited: true });
    const meta = await sharp(reply.value.path).metadata();
    expect(meta.format).toBe('jpeg');
    const out = await rawPixels(reply.value.path);
    const original = await rawPixels(Buffer.from(asset.source));
    const at = (img: { data: Buffer }, x: number, y: number) =>
      img.data[3 * (y * 640 + x)] as number;
    // JPEG at 92 moves pixels by a few levels; the edit changes the masked centre a lot more.
    let far = 0;
    for (const [x, y] of [
      [20, 20],
      [600, 40],
      [40, 440],
      [620, 460],
    ] as const)
      far = Math.max(far, Math.abs(at(out, x, y) - at(original, x, y)));
    expect(far).toBeLessThan(12);
    let centre = 0;
    for (let dy = -10; dy <= 10; dy += 5)
      for (let dx = -10; dx <= 10; dx += 5)
        centre += Math.abs(at(out, 320 + dx, 240 + dy) - at(original, 320 + dx, 240 + dy));
    expect(centre / 25).toBeGreaterThan(3);
  }, 60_000);

  it('asks the save dialog where to write, and a cancel writes nothing', async () => {
    const { document } = await addPhoto(64, 48);
    const asked: string[] = [];
    const cancelled = await exportPhoto(
      { document, format: 'webp' },
      deps((name) => {
        asked.push(name);
        return Promise.resolve(null);
      }),
    );
    expect(cancelled).toEqual({ ok: true, value: null });
    expect(asked).toEqual(['portrait (FaceShop).webp']);
  });

  it('needs a typed path where there is no save dialog', async () => {
    const { document } = await addPhoto(64, 48);
    const reply = await exportPhoto({ document, format: 'png' }, deps());
    expect(reply.ok || reply.error.code).toBe('unsupported');
  });

  it('refuses a WebP larger than the format holds, and says which formats can', async () => {
    const big = await sharp({
      create: { width: 16_500, height: 8, channels: 3, background: '#888' },
    })
      .png()
      .toBuffer();
    const { document } = await addPhoto(16_500, 8, big);
    const dir = await makeTempDir();
    const reply = await exportPhoto(
      { document, format: 'webp', path: path.join(dir, 'wide.webp') },
      deps(),
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('export-failed');
    expect(reply.error.message).toMatch(/16,383 .*PNG or TIFF/);
    expect(existsSync(path.join(dir, 'wide.webp'))).toBe(false);
  });

  it('reports an unwritable place and leaves an existing file as it was', async () => {
    const { document } = await addPhoto(64, 48);
    const dir = await makeTempDir();
    const missing = await exportPhoto(
      { document, format: 'png', path: path.join(dir, 'no', 'such', 'x.png') },
      deps(),
    );
    expect(missing.ok || missing.error.code).toBe('export-failed');
    // A TIFF export aimed at an existing .png file gets its own extension and a file of its own.
    const existing = path.join(dir, 'keep.png');
    await writeFile(existing, 'not replaced');
    const clash = await exportPhoto(
      { document, format: 'tiff', path: path.join(dir, 'keep.png') },
      deps(),
    );
    expect(clash.ok && clash.value?.path).toBe(path.join(dir, 'keep.png.tif'));
    expect(await readFile(existing, 'utf8')).toBe('not replaced');
  });
});

describe('export names', () => {
  it('marks the photo’s name and gives the format’s extension', () => {
    expect(suggestedExportName('IMG_0042.JPG', 'jpeg')).toBe('IMG_0042 (FaceShop).jpg');
    expect(suggestedExportName('.hidden', 'png')).toBe('photo (FaceShop).png');
    expect(withExportExtension('/a/b.JPEG', 'jpeg')).toBe('/a/b.JPEG');
    expect(withExportExtension('/a/b.png', 'webp')).toBe('/a/b.png.webp');
    expect(withExportExtension('/a/b', 'tiff')).toBe('/a/b.tif');
  });
});
