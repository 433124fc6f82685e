/**
 * The whole contract, end to end inside one process: the client the preload and the shim
 * build, a transport that does to the data what Electron IPC or the host's HTTP does, the
 * shared dispatcher, and the real core handlers.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createBackendClient, type Transport } from '../../../shared/ipc/client';
import type { BackendApi } from '../../../shared/ipc/contract';
import { createDispatcher, type Dispatcher } from '../../../shared/ipc/dispatcher';
import { createBackendHandlers, type PhotoFileChooser } from '../../../electron/core/backend';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { jpegPhoto, NOT_AN_IMAGE } from '../../support/photo-fixtures';
import { structuredCloneTransport, wireTransport } from '../../support/in-memory-transport';
import { makeTempDir } from '../../support/temp-dir';

const transports: ReadonlyArray<[string, (dispatcher: Dispatcher) => Transport]> = [
  ['the browser host wire format', wireTransport],
  ['Electron structured clone', structuredCloneTransport],
];

async function connect(
  makeTransport: (dispatcher: Dispatcher) => Transport,
  options: { choosePhotoFile?: PhotoFileChooser | null; modelsDir?: string } = {},
) {
  const photos = new PhotoStore();
  const handlers = createBackendHandlers({
    appVersion: '9.9.9',
    modelsDir: options.modelsDir ?? (await makeTempDir()),
    photos,
    choosePhotoFile: options.choosePhotoFile ?? null,
    chooseProjectFile: null,
    chooseProjectSavePath: null,
    recovery: null,
  });
  const api: BackendApi = createBackendClient(makeTransport(createDispatcher(handlers)));
  return { api, photos };
}

describe.each(transports)('contract round trip over %s', (_name, makeTransport) => {
  it('reports status: version, model not installed, no native dialog', async () => {
    const { api } = await connect(makeTransport);
    const status = await api.getStatus();
    expect(status).toEqual({
      ok: true,
      value: {
        appVersion: '9.9.9',
        model: { state: 'not-installed', message: expect.stringContaining('faceshop-256.json') },
        // Nothing asked for the model yet: the runtime has not tried to load it.
        inference: { state: 'not-loaded', message: expect.any(String) },
        capabilities: { nativeOpenDialog: false },
      },
    });
  });

  it('opens a photo from bytes and returns a binary preview of the right size', async () => {
    const { api, photos } = await connect(makeTransport);
    const result = await api.openPhoto({
      source: 'bytes',
      fileName: 'portrait.jpg',
      bytes: await jpegPhoto(300, 200),
    });
    if (!result.ok) throw new Error(result.error.message);
    const { photoId, info, preview } = result.value;
    expect(info).toMatchObject({
      fileName: 'portrait.jpg',
      format: 'jpeg',
      width: 300,
      height: 200,
    });
    expect(preview.bytes).toBeInstanceOf(Uint8Array);
    const decoded = await sharp(preview.bytes).metadata();
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['jpeg', 300, 200]);
    expect(photos.get(photoId)?.info).toEqual(info);
  });

  it('opens a photo from a path', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'on-disk.jpg');
    await writeFile(file, await jpegPhoto(40, 30));
    const { api } = await connect(makeTransport);
    const result = await api.openPhoto({ source: 'path', path: file });
    expect(result).toMatchObject({
      ok: true,
      value: { info: { fileName: 'on-disk.jpg', width: 40 } },
    });
  });

  it('returns a typed error, not an exception, for a file that is not an image', async () => {
    const { api } = await connect(makeTransport);
    const result = await api.openPhoto({
      source: 'bytes',
      fileName: 'notes.txt',
      bytes: NOT_AN_IMAGE,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'photo-unreadable', message: expect.stringContaining('notes.txt') },
    });
  });

  it('opens through the native dialog when the platform has one', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'chosen.jpg');
    await writeFile(file, await jpegPhoto(20, 10));
    const { api } = await connect(makeTransport, { choosePhotoFile: () => Promise.resolve(file) });
    expect(await api.getStatus()).toMatchObject({
      ok: true,
      value: { capabilities: { nativeOpenDialog: true } },
    });
    expect(await api.openPhotoFromDialog()).toMatchObject({
      ok: true,
      value: { info: { fileName: 'chosen.jpg' } },
    });
  });

  it('answers null when the person cancels the dialog', async () => {
    const { api } = await connect(makeTransport, { choosePhotoFile: () => Promise.resolve(null) });
    expect(await api.openPhotoFromDialog()).toEqual({ ok: true, value: null });
  });

  it('answers unsupported where there is no native dialog', async () => {
    const { api } = await connect(makeTransport);
    expect(await api.openPhotoFromDialog()).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
});

describe('contract client', () => {
  it('turns a failing transport into a transport error', async () => {
    const api = createBackendClient(() => Promise.reject(new Error('socket closed')));
    expect(await api.getStatus()).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('turns a malformed reply into a transport error', async () => {
    const api = createBackendClient(() => Promise.resolve({ ok: true, value: { appVersion: 1 } }));
    expect(await api.getStatus()).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('exposes exactly the contract methods, frozen', () => {
    const api = createBackendClient(() => Promise.resolve(undefined));
    expect(Object.keys(api).sort()).toEqual([
      'applyResult',
      'autosave',
      'checkRecovery',
      'clearRecentFiles',
      'convertPasteRegion',
      'discardRecovery',
      'exportPhoto',
      'getAbout',
      'getSettings',
      'getStatus',
      'openPhoto',
      'openPhotoFromDialog',
      'openProject',
      'openProjectFromDialog',
      'openSamplePhoto',
      'photoDetail',
      'restoreRecovery',
      'saveProject',
      'synthesize',
      'takeOpenFileRequests',
      'updateSettings',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
