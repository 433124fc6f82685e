/**
 * Save → open round trips through the real writer, atomic replace and loader: the document
 * comes back equal, the photos come back byte for byte under the ids the document uses, and
 * the archive has the documented layout.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { openProject } from '../../../electron/core/project/open-project';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { ProjectManifestSchema } from '../../../shared/project/project-manifest';
import {
  documentWithEveryLayer,
  gradientJpeg,
  storeWithPhotos,
  unzipAll,
} from '../../support/project-fixtures';
import { makeTempDir } from '../../support/temp-dir';

const model = { name: 'faceshop-256', version: '0.2.0' };

async function saveEveryLayerProject(withPreview = true) {
  const photos = await storeWithPhotos();
  const document = documentWithEveryLayer(
    { assetId: photos.photoId, width: 160, height: 200 },
    photos.sourceId,
  );
  const file = path.join(await makeTempDir(), 'portrait.faceshop');
  const saved = await saveProjectFile(document, file, {
    photos: photos.store,
    appVersion: '1.2.3',
    model,
    withPreview,
    now: () => new Date('2026-03-01T10:00:00.000Z'),
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { photos, document, file, saved: saved.value };
}

describe('a project with every layer type', () => {
  it('reopens with an equal document and its photos byte for byte, under the same ids', async () => {
    const { photos, document, file } = await saveEveryLayerProject();
    const fresh = new PhotoStore();
    const opened = await openProject({ source: 'path', path: file }, fresh);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document).toEqual(document);
    expect(opened.value.warnings).toEqual([]);
    expect(opened.value.path).toBe(file);
    expect(opened.value.fileName).toBe('portrait.faceshop');
    expect(opened.value.origin).toBe('file');
    expect(opened.value.photos.map((photo) => photo.photoId)).toEqual([
      photos.photoId,
      photos.sourceId,
    ]);
    expect(opened.value.photos[0]?.info).toMatchObject({
      fileName: 'portrait.jpg',
      format: 'jpeg',
      width: 160,
      height: 200,
    });
    expect(Buffer.from(fresh.get(photos.photoId)?.source ?? [])).toEqual(
      Buffer.from(photos.photoBytes),
    );
    expect(Buffer.from(fresh.get(photos.sourceId)?.source ?? [])).toEqual(
      Buffer.from(photos.sourceBytes),
    );
    expect(opened.value.savedBy).toEqual({ appVersion: '1.2.3', model });
  });

  it('opens the same from bytes as from its path', async () => {
    const { document, file } = await saveEveryLayerProject();
    const opened = await openProject(
      { source: 'bytes', fileName: 'dropped.faceshop', bytes: await readFile(file) },
      new PhotoStore(),
    );
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document).toEqual(document);
    expect(opened.value.path).toBeNull();
    expect(opened.value.origin).toBe('bytes');
  });

  it('has the documented layout: manifest, document, preview, assets by id; photos stored untouched', async () => {
    const { photos, file } = await saveEveryLayerProject();
    const entries = await unzipAll(await readFile(file));
    expect(entries.map((entry) => entry.name)).toEqual([
      'manifest.json',
      'document.json',
      'preview.jpg',
      `assets/${photos.photoId}.jpg`,
      `assets/${photos.sourceId}.png`,
    ]);
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    // Photos and the preview are stored; JSON is deflated.
    expect(byName.get(`assets/${photos.photoId}.jpg`)?.method).toBe(0);
    expect(byName.get('preview.jpg')?.method).toBe(0);
    expect(byName.get('document.json')?.method).toBe(8);
    expect(byName.get(`assets/${photos.photoId}.jpg`)?.data).toEqual(
      Buffer.from(photos.photoBytes),
    );
    const manifest = ProjectManifestSchema.parse(
      JSON.parse(byName.get('manifest.json')?.data.toString('utf8') ?? ''),
    );
    expect(manifest).toMatchObject({
      format: 'faceshop-project',
      schemaVersion: 1,
      createdAt: '2026-03-01T10:00:00.000Z',
      modifiedAt: '2026-03-01T10:00:00.000Z',
      app: { name: 'FaceShop', version: '1.2.3' },
      model,
      document: { schemaVersion: 1 },
      originalAssetId: photos.photoId,
    });
    expect(manifest.assets.map((asset) => [asset.id, asset.role])).toEqual([
      [photos.photoId, 'original'],
      [photos.sourceId, 'paste-source'],
    ]);
    const preview = await sharp(byName.get('preview.jpg')?.data).metadata();
    expect(preview.format).toBe('jpeg');
    expect(Math.max(preview.width, preview.height)).toBeLessThanOrEqual(512);
    expect(manifest.preview).toEqual({ width: preview.width, height: preview.height });
  });

  it('keeps its creation time when saved again, and moves its modification time', async () => {
    const { photos, document, file } = await saveEveryLayerProject();
    const again = await saveProjectFile(document, file, {
      photos: photos.store,
      appVersion: '1.2.4',
      model: null,
      withPreview: false,
      now: () => new Date('2026-03-02T08:30:00.000Z'),
    });
    expect(again.ok).toBe(true);
    const { manifest } = await readProjectFile({ kind: 'file', path: file }, 'portrait.faceshop');
    expect(manifest.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(manifest.modifiedAt).toBe('2026-03-02T08:30:00.000Z');
    expect(manifest.model).toBeNull();
    expect(manifest.preview).toBeNull();
  });
});

describe('applied results', () => {
  it('keeps the original untouched beside the applied result the document edits, and the chain', async () => {
    const photos = await storeWithPhotos();
    const original = photos.store.get(photos.photoId);
    if (!original) throw new Error('no photo');
    // What "apply" makes: a new photo derived from the original.
    const bakedBytes = await gradientJpeg(160, 200, 77);
    const baked = photos.store.add(
      { ...original.info, fileBytes: bakedBytes.byteLength },
      bakedBytes,
      original.id,
    );
    const document = documentWithEveryLayer(
      { assetId: baked.id, width: 160, height: 200 },
      photos.sourceId,
    );
    const file = path.join(await makeTempDir(), 'applied.faceshop');
    const saved = await saveProjectFile(document, file, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    expect(saved).toMatchObject({ ok: true, value: { warnings: [] } });

    const contents = await readProjectFile({ kind: 'file', path: file }, 'applied.faceshop');
    expect(contents.manifest.originalAssetId).toBe(original.id);
    expect(contents.manifest.assets.map((a) => [a.id, a.role, a.derivedFrom])).toEqual([
      [baked.id, 'applied-result', original.id],
      [original.id, 'original', undefined],
      [photos.sourceId, 'paste-source', undefined],
    ]);
    expect(Buffer.from(contents.assets.get(original.id)?.bytes ?? [])).toEqual(
      Buffer.from(photos.photoBytes),
    );

    const fresh = new PhotoStore();
    const opened = await openProject({ source: 'path', path: file }, fresh);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document.photo.assetId).toBe(baked.id);
    expect(opened.value.photos[0]?.photoId).toBe(baked.id);
    expect(fresh.get(baked.id)?.derivedFrom).toBe(original.id);
  });
});

describe('photos that are no longer held when saving', () => {
  it('leaves out a pasted region whose source photo is gone, with a warning', async () => {
    const photos = await storeWithPhotos();
    const document = documentWithEveryLayer(
      { assetId: photos.photoId, width: 160, height: 200 },
      'photo-00000000-0000-0000-0000-000000000000',
    );
    const file = path.join(await makeTempDir(), 'p.faceshop');
    const saved = await saveProjectFile(document, file, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.warnings).toEqual([
      expect.objectContaining({
        code: 'asset-dropped',
        message: expect.stringContaining('Nose from donor'),
      }),
    ]);
    const { document: back } = await readProjectFile({ kind: 'file', path: file }, 'p');
    expect(back.layers.map((layer) => layer.kind)).not.toContain('pasted-region');
  });

  it('refuses to save when the document photo itself is gone', async () => {
    const photos = await storeWithPhotos();
    const document = documentWithEveryLayer(
      { assetId: 'photo-11111111-1111-1111-1111-111111111111', width: 160, height: 200 },
      photos.sourceId,
    );
    const dir = await makeTempDir();
    const saved = await saveProjectFile(document, path.join(dir, 'p.faceshop'), {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'photo-not-found' } });
  });
});

describe('photo ids when opening', () => {
  it('gives a project photo a fresh id when the store holds that id with other bytes', async () => {
    const { photos, document, file } = await saveEveryLayerProject(false);
    const store = new PhotoStore();
    const other = await gradientJpeg(20, 20, 5);
    const info = photos.store.get(photos.photoId)?.info;
    if (!info) throw new Error('no photo');
    store.restore({ id: photos.photoId, info, source: other });
    const opened = await openProject({ source: 'path', path: file }, store);
    if (!opened.ok) throw new Error(opened.error.message);
    const newId = opened.value.document.photo.assetId;
    expect(newId).not.toBe(photos.photoId);
    expect(opened.value.photos[0]?.photoId).toBe(newId);
    expect(opened.value.document.layers).toEqual(document.layers);
    // The photo already held is left as it was.
    expect(store.get(photos.photoId)?.source).toBe(other);
  });
});
