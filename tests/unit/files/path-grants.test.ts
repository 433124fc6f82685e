/**
 * Reliability finding 6: in the app (native dialogs present) the page may only name files the
 * person chose — in FaceShop's dialogs, from the recent files, a project it opened — and the
 * refusal is the same whether the file exists or not. Through the real handlers.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackendHandlers } from '../../../electron/core/backend';
import {
  GrantedPaths,
  READ_REFUSAL,
  WRITE_REFUSAL,
} from '../../../electron/core/files/path-grants';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { RecoveryStore } from '../../../electron/core/project/recovery-store';
import { gradientJpeg } from '../../support/project-fixtures';
import { documentWithEveryLayer } from '../../support/project-fixtures';
import type { FaceDocument } from '../../../shared/document/document';
import { makeTempDir } from '../../support/temp-dir';

describe('GrantedPaths', () => {
  it('reads what was granted or is recent; writes only what was granted for writing', () => {
    const recent = [{ path: '/home/p/recent.jpg' }];
    const grants = new GrantedPaths(() => recent);
    expect(grants.refusal('/home/p/recent.jpg', 'read')).toBeNull();
    expect(grants.refusal('/home/p/recent.jpg', 'write')).toBe(WRITE_REFUSAL);
    expect(grants.refusal('/home/p/.bashrc', 'read')).toBe(READ_REFUSAL);
    expect(grants.refusal('relative.jpg', 'read')).toBe(READ_REFUSAL);
    grants.grant('/home/p/a/../chosen.faceshop', 'write');
    expect(grants.refusal('/home/p/chosen.faceshop', 'write')).toBeNull();
    expect(grants.refusal('/home/p/chosen.faceshop', 'read')).toBeNull();
    grants.grant('/home/p/chosen.faceshop', 'read'); // never takes writing away
    expect(grants.refusal('/home/p/chosen.faceshop', 'write')).toBeNull();
  });
});

describe('the handlers in the app (with native dialogs)', () => {
  async function app(recoveryFolder?: string, pid = 100) {
    const dir = await makeTempDir();
    const photoFile = path.join(dir, 'photo.jpg');
    await writeFile(photoFile, await gradientJpeg(160, 200));
    const saveAs = path.join(dir, 'chosen.faceshop');
    const photos = new PhotoStore();
    const handlers = createBackendHandlers({
      appVersion: '9.9.9',
      modelsDir: await makeTempDir(),
      photos,
      choosePhotoFile: () => Promise.resolve(photoFile),
      chooseProjectFile: () => Promise.resolve(saveAs),
      chooseProjectSavePath: () => Promise.resolve(saveAs),
      chooseExportPath: () => Promise.resolve(path.join(dir, 'export.png')),
      recovery:
        recoveryFolder === undefined
          ? null
          : await RecoveryStore.open({
              folder: recoveryFolder,
              photos,
              appVersion: '9.9.9',
              model: () => Promise.resolve(null),
              pid,
              isProcessAlive: () => false,
            }),
    });
    return { dir, photoFile, saveAs, handlers };
  }

  it('refuses paths the person never chose, the same way whether or not they exist', async () => {
    const { dir, photoFile, handlers } = await app();
    const existing = await handlers.openPhoto({ source: 'path', path: photoFile });
    const missing = await handlers.openPhoto({ source: 'path', path: path.join(dir, 'nope.jpg') });
    expect(existing).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: READ_REFUSAL },
    });
    expect(missing).toEqual(existing);
    const project = await handlers.openProject({ source: 'path', path: '/etc/passwd' });
    expect(project).toEqual(existing);
  });

  it('opens what the dialog chose, and saves only where a save dialog or an opened project says', async () => {
    const { dir, photoFile, saveAs, handlers } = await app();
    const opened = await handlers.openPhotoFromDialog();
    if (!opened.ok || opened.value === null) throw new Error('the photo did not open');
    // Once chosen, the same file may be opened again by its path (e.g. a second window).
    expect((await handlers.openPhoto({ source: 'path', path: photoFile })).ok).toBe(true);
    const document = documentWithEveryLayer(
      { assetId: opened.value.photoId, width: 160, height: 200 },
      opened.value.photoId,
    );
    // A forged save path (~/.bashrc) is refused before anything is written.
    const forged = path.join(dir, '.bashrc');
    expect(await handlers.saveProject({ document, path: forged })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: WRITE_REFUSAL },
    });
    expect(
      await handlers.exportPhoto({ document, format: 'png', path: path.join(dir, 'x.png') }),
    ).toEqual({ ok: false, error: { code: 'invalid-request', message: WRITE_REFUSAL } });
    // The save dialog's choice is saved, and saving again to it is allowed.
    const saved = await handlers.saveProject({ document, path: null });
    expect(saved.ok && saved.value?.path).toBe(saveAs);
    expect((await handlers.saveProject({ document, path: saveAs })).ok).toBe(true);
  });

  it('crash recovery keeps the project path only when it was the person’s; a forged one is not granted back', async () => {
    const recoveryFolder = await makeTempDir();
    // Restarts after a crash: a new session (another process id) on the same data folder.
    const restartAfter = async (
      autosave: (
        h: Awaited<ReturnType<typeof app>>['handlers'],
        document: FaceDocument,
      ) => Promise<void>,
      pid: number,
    ) => {
      const first = await app(recoveryFolder, pid);
      const opened = await first.handlers.openPhotoFromDialog();
      if (!opened.ok || opened.value === null) throw new Error('the photo did not open');
      const document = documentWithEveryLayer(
        { assetId: opened.value.photoId, width: 160, height: 200 },
        opened.value.photoId,
      );
      await autosave(first.handlers, document);
      const next = await app(recoveryFolder, pid + 1);
      expect((await next.handlers.checkRecovery()).ok).toBe(true);
      const restored = await next.handlers.restoreRecovery();
      if (!restored.ok) throw new Error(restored.error.message);
      return { next, restored: restored.value, document, first };
    };
    // A forged project path is not remembered, so restoring grants nothing.
    let forged = '';
    const a = await restartAfter(async (handlers, document) => {
      forged = path.join(recoveryFolder, '..', 'victim.faceshop');
      expect((await handlers.autosave({ document, projectPath: forged })).ok).toBe(true);
    }, 200);
    expect(a.restored.path).toBeNull();
    expect((await a.next.handlers.saveProject({ document: a.document, path: forged })).ok).toBe(
      false,
    );
    // The person's own project (saved through the dialog) comes back with its path, savable.
    let own = '';
    const b = await restartAfter(async (handlers, document) => {
      const saved = await handlers.saveProject({ document, path: null });
      own = saved.ok && saved.value ? saved.value.path : '';
      expect(
        (await handlers.autosave({ document: { ...document, seed: 9 }, projectPath: own })).ok,
      ).toBe(true);
    }, 300);
    expect(b.restored.path).toBe(own);
    expect((await b.next.handlers.saveProject({ document: b.document, path: own })).ok).toBe(true);
  });
});
