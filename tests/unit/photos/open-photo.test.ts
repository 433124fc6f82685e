import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPhoto } from '../../../electron/core/photos/open-photo';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { MAX_PHOTO_FILE_BYTES } from '../../../shared/photo/photo-limits';
import { jpegPhoto } from '../../support/photo-fixtures';
import { makeTempDir } from '../../support/temp-dir';

describe('openPhoto', () => {
  it('keeps the original file bytes in the store under the returned id', async () => {
    const store = new PhotoStore();
    const bytes = await jpegPhoto(64, 32);
    const result = await openPhoto({ source: 'bytes', fileName: 'a.jpg', bytes }, store);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.photoId).toMatch(/^photo-[0-9a-f-]{36}$/);
    expect(store.get(result.value.photoId)?.source).toEqual(bytes);
  });

  it('stores nothing when the photo cannot be opened', async () => {
    const store = new PhotoStore();
    const bytes = new Uint8Array([1, 2, 3]);
    await openPhoto({ source: 'bytes', fileName: 'x.jpg', bytes }, store);
    expect(store.size).toBe(0);
  });

  it('reports a missing file as not found', async () => {
    const dir = await makeTempDir();
    const result = await openPhoto(
      { source: 'path', path: path.join(dir, 'gone.jpg') },
      new PhotoStore(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'photo-not-found' } });
  });

  it('refuses a relative path, which would depend on where the app was started', async () => {
    const result = await openPhoto({ source: 'path', path: 'photo.jpg' }, new PhotoStore());
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses a folder', async () => {
    const dir = await makeTempDir();
    await mkdir(path.join(dir, 'album.jpg'));
    const result = await openPhoto(
      { source: 'path', path: path.join(dir, 'album.jpg') },
      new PhotoStore(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'photo-unreadable' } });
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'enormous.tif');
    await writeFile(file, '');
    // A sparse file: its size is over the limit, but it takes no disk space or read time.
    await truncate(file, MAX_PHOTO_FILE_BYTES + 1);
    const result = await openPhoto({ source: 'path', path: file }, new PhotoStore());
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'photo-too-large', message: expect.stringContaining('enormous.tif') },
    });
  });
});
