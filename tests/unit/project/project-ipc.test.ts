/**
 * The project methods through the whole contract — client, a transport that does to the data
 * what Electron IPC or the browser host does, dispatcher, real handlers — as the renderer will
 * call them for Save, Save As, Open, autosave and recovery.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createBackendHandlers,
  type ProjectFileChooser,
  type ProjectSavePathChooser,
} from '../../../electron/core/backend';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { RecoveryStore } from '../../../electron/core/project/recovery-store';
import { createBackendClient, type Transport } from '../../../shared/ipc/client';
import { createDispatcher, type Dispatcher } from '../../../shared/ipc/dispatcher';
import { structuredCloneTransport, wireTransport } from '../../support/in-memory-transport';
import { documentWithEveryLayer } from '../../support/project-fixtures';
import { gradientJpeg, gradientPng } from '../../support/project-fixtures';
import { makeTempDir } from '../../support/temp-dir';

const transports: ReadonlyArray<[string, (dispatcher: Dispatcher) => Transport]> = [
  ['the browser host wire format', wireTransport],
  ['Electron structured clone', structuredCloneTransport],
];

interface Options {
  chooseProjectFile?: ProjectFileChooser | null;
  chooseProjectSavePath?: ProjectSavePathChooser | null;
  recoveryFolder?: string;
}

async function connect(
  makeTransport: (dispatcher: Dispatcher) => Transport,
  options: Options = {},
) {
  const photos = new PhotoStore();
  const recovery =
    options.recoveryFolder === undefined
      ? null
      : await RecoveryStore.open({
          folder: options.recoveryFolder,
          photos,
          appVersion: '9.9.9',
          model: () => Promise.resolve(null),
        });
  const handlers = createBackendHandlers({
    appVersion: '9.9.9',
    modelsDir: await makeTempDir(),
    photos,
    choosePhotoFile: null,
    chooseProjectFile: options.chooseProjectFile ?? null,
    chooseProjectSavePath: options.chooseProjectSavePath ?? null,
    recovery,
  });
  const api = createBackendClient(makeTransport(createDispatcher(handlers)));
  // A photo and a paste source, opened as the renderer does.
  const photo = await api.openPhoto({
    source: 'bytes',
    fileName: 'portrait.jpg',
    bytes: await gradientJpeg(160, 200),
  });
  const source = await api.openPhoto({
    source: 'bytes',
    fileName: 'donor.png',
    bytes: await gradientPng(64, 64),
  });
  if (!photo.ok || !source.ok) throw new Error('photos did not open');
  const document = documentWithEveryLayer(
    { assetId: photo.value.photoId, width: 160, height: 200 },
    source.value.photoId,
  );
  return { api, photos, document, recovery };
}

describe.each(transports)('project methods over %s', (_name, makeTransport) => {
  it('saves to a path and opens it again, from the path and from bytes', async () => {
    const { api, document } = await connect(makeTransport);
    const file = path.join(await makeTempDir(), 'edit.faceshop');
    const saved = await api.saveProject({ document, path: file });
    expect(saved).toEqual({
      ok: true,
      value: { path: file, fileName: 'edit.faceshop', savedAt: expect.any(String), warnings: [] },
    });
    const opened = await api.openProject({ source: 'path', path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document).toEqual(document);
    expect(opened.value.photos[0]?.preview.bytes).toBeInstanceOf(Uint8Array);
    const fromBytes = await api.openProject({
      source: 'bytes',
      fileName: 'edit.faceshop',
      bytes: await readFile(file),
    });
    expect(fromBytes).toMatchObject({ ok: true, value: { path: null, origin: 'bytes' } });
  });

  it('adds the extension so a project never overwrites a photo', async () => {
    const { api, document } = await connect(makeTransport);
    const dir = await makeTempDir();
    const saved = await api.saveProject({ document, path: path.join(dir, 'portrait.jpg') });
    expect(saved).toMatchObject({ ok: true, value: { fileName: 'portrait.jpg.faceshop' } });
    expect(await readdir(dir)).toEqual(['portrait.jpg.faceshop']);
  });

  it('asks where to save when no path is given, proposing the photo’s name; null if cancelled', async () => {
    const dir = await makeTempDir();
    const proposed: string[] = [];
    let answer: string | null = path.join(dir, 'chosen');
    const { api, document } = await connect(makeTransport, {
      chooseProjectSavePath: (name) => {
        proposed.push(name);
        return Promise.resolve(answer);
      },
    });
    expect(await api.saveProject({ document })).toMatchObject({
      ok: true,
      value: { path: path.join(dir, 'chosen.faceshop') },
    });
    expect(proposed).toEqual(['portrait.faceshop']);
    answer = null;
    expect(await api.saveProject({ document, suggestedName: 'x.faceshop' })).toEqual({
      ok: true,
      value: null,
    });
    expect(proposed).toEqual(['portrait.faceshop', 'x.faceshop']);
  });

  it('answers unsupported where there is no dialog, and a typed error for a bad file', async () => {
    const { api, document } = await connect(makeTransport);
    expect(await api.saveProject({ document })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await api.openProjectFromDialog()).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(
      await api.openProject({
        source: 'bytes',
        fileName: 'notes.faceshop',
        bytes: new TextEncoder().encode('notes'),
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'project-unreadable',
        message:
          '“notes.faceshop” is not a FaceShop project: it is not a zip archive, or it is cut short.',
      },
    });
  });

  it('opens a project from the open dialog', async () => {
    const file = path.join(await makeTempDir(), 'picked.faceshop');
    const { api, document } = await connect(makeTransport, {
      chooseProjectFile: () => Promise.resolve(file),
    });
    await api.saveProject({ document, path: file });
    expect(await api.openProjectFromDialog()).toMatchObject({
      ok: true,
      value: { path: file, fileName: 'picked.faceshop', origin: 'file' },
    });
  });

  it('autosaves, and a save of the project drops the autosave', async () => {
    const folder = path.join(await makeTempDir(), 'recovery');
    const { api, document } = await connect(makeTransport, { recoveryFolder: folder });
    expect(await api.autosave({ document, projectPath: null })).toMatchObject({
      ok: true,
      value: { unchanged: false },
    });
    expect((await readdir(folder)).sort()).toEqual([
      'autosave.faceshop',
      'autosave.json',
      'session.json',
    ]);
    expect(await api.checkRecovery()).toEqual({ ok: true, value: null });
    await api.saveProject({ document, path: path.join(await makeTempDir(), 'p.faceshop') });
    expect(await readdir(folder)).toEqual(['session.json']);
    expect(await api.discardRecovery()).toEqual({ ok: true, value: null });
  });

  it('answers unsupported for autosave and restore where there is no data folder', async () => {
    const { api, document } = await connect(makeTransport);
    expect(await api.autosave({ document, projectPath: null })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await api.checkRecovery()).toEqual({ ok: true, value: null });
    expect(await api.restoreRecovery()).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });
});
