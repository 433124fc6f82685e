/**
 * Autosave and crash recovery: a session that exits cleanly leaves nothing to recover; one
 * that dies leaves its autosave, which the next session sets aside before autosaving anything
 * itself, offers, and restores or discards.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { RecoveryStore } from '../../../electron/core/project/recovery-store';
import type { FaceDocument } from '../../../shared/document';
import { documentWithEveryLayer, storeWithPhotos } from '../../support/project-fixtures';
import { makeTempDir } from '../../support/temp-dir';

const SAVED_AT = '2026-04-01T09:00:00.000Z';

async function setup() {
  const folder = path.join(await makeTempDir(), 'recovery');
  const photos = await storeWithPhotos();
  const document = documentWithEveryLayer(
    { assetId: photos.photoId, width: 160, height: 200 },
    photos.sourceId,
  );
  /** A session of the app: its own process id, its own photo store. */
  const session = (pid: number, store: PhotoStore = photos.store, alive: number[] = []) =>
    RecoveryStore.open({
      folder,
      photos: store,
      appVersion: '1',
      model: () => Promise.resolve(null),
      pid,
      isProcessAlive: (other) => alive.includes(other),
      now: () => new Date(SAVED_AT),
    });
  return { folder, photos, document, session };
}

const other = (document: FaceDocument): FaceDocument => ({ ...document, seed: 77 });

describe('autosave', () => {
  it('writes the document, and skips writing an unchanged one', async () => {
    const { document, session, folder } = await setup();
    const first = await session(100);
    expect(await first.autosave(document, null)).toEqual({
      ok: true,
      value: { savedAt: SAVED_AT, unchanged: false },
    });
    expect(await first.autosave(document, null)).toEqual({
      ok: true,
      value: { savedAt: SAVED_AT, unchanged: true },
    });
    expect((await readdir(folder)).sort()).toEqual([
      'autosave.faceshop',
      'autosave.json',
      'session.json',
    ]);
  });

  it('writes only the newest of a burst, and answers every caller', async () => {
    const { document, session } = await setup();
    const store = await session(100);
    const answers = await Promise.all([
      store.autosave(document, null),
      store.autosave(other(document), null),
      store.autosave({ ...document, seed: 78 }, null),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await store.autosave({ ...document, seed: 78 }, null)).toMatchObject({
      value: { unchanged: true },
    });
  });

  it('leaves nothing to recover after a clean exit', async () => {
    const { document, session, folder } = await setup();
    const first = await session(100);
    await first.autosave(document, null);
    await first.close();
    expect(await readdir(folder)).toEqual([]);
    const next = await session(200);
    expect(await next.checkRecovery()).toBeNull();
  });
});

describe('after a crash', () => {
  it('offers the work the dead session autosaved, named after its project file', async () => {
    const { document, session } = await setup();
    const crashed = await session(100);
    await crashed.autosave(document, '/home/ann/portrait.faceshop');
    // No close(): the process died.
    const next = await session(200);
    expect(await next.checkRecovery()).toEqual({
      savedAt: SAVED_AT,
      projectPath: '/home/ann/portrait.faceshop',
      displayName: 'portrait.faceshop',
    });
  });

  it('names never-saved work after its photo', async () => {
    const { document, session } = await setup();
    await (await session(100)).autosave(document, null);
    expect(await (await session(200)).checkRecovery()).toMatchObject({
      projectPath: null,
      displayName: 'portrait.jpg',
    });
  });

  it('keeps the crashed work while the new session autosaves its own', async () => {
    const { document, session } = await setup();
    await (await session(100)).autosave(document, null);
    const next = await session(200);
    await next.autosave(other(document), null);
    const restored = await next.restoreRecovery();
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.document).toEqual(document);
  });

  it('restores the work with its photos, as unsaved work of its project', async () => {
    const { document, session, photos, folder } = await setup();
    await (await session(100)).autosave(document, '/home/ann/portrait.faceshop');
    const fresh = new PhotoStore();
    const next = await session(200, fresh);
    const restored = await next.restoreRecovery();
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value).toMatchObject({
      origin: 'recovery',
      path: '/home/ann/portrait.faceshop',
      fileName: 'portrait.faceshop',
    });
    expect(restored.value.document).toEqual(document);
    expect(fresh.get(photos.photoId)).toBeDefined();
    // It is now this session's autosave: offered again only if this session dies too.
    expect(await next.checkRecovery()).toBeNull();
    expect((await readdir(folder)).sort()).toEqual([
      'autosave.faceshop',
      'autosave.json',
      'session.json',
    ]);
    const third = await session(300);
    expect(await third.checkRecovery()).toMatchObject({ displayName: 'portrait.faceshop' });
  });

  it('discards the work when asked', async () => {
    const { document, session } = await setup();
    await (await session(100)).autosave(document, null);
    const next = await session(200);
    await next.discardRecovery();
    expect(await next.checkRecovery()).toBeNull();
  });

  it('recovers a dead session whose process id the new session happens to reuse', async () => {
    const { document, session } = await setup();
    await (await session(100)).autosave(document, null);
    const reused = await session(100, undefined, [100]);
    expect(await reused.checkRecovery()).toMatchObject({ displayName: 'portrait.jpg' });
  });

  it('does not take the autosave of a session that is still running', async () => {
    const { document, session } = await setup();
    await (await session(100)).autosave(document, null);
    const second = await session(200, undefined, [100]);
    expect(await second.checkRecovery()).toBeNull();
  });
});
