import { describe, expect, it, vi } from 'vitest';
import type { BackendHandlers } from '../../../shared/ipc/contract';
import { createDispatcher } from '../../../shared/ipc/dispatcher';
import { fail, ok } from '../../../shared/ipc/result';
import type { OpenedPhoto } from '../../../shared/photo/photo';
import type { AppStatus } from '../../../shared/status/app-status';

const status: AppStatus = {
  appVersion: '1.2.3',
  model: { state: 'not-installed', message: 'Model not installed' },
  capabilities: { nativeOpenDialog: false },
};

const photo: OpenedPhoto = {
  photoId: 'photo-00000000-0000-4000-8000-000000000000',
  info: {
    fileName: 'a.jpg',
    fileBytes: 10,
    format: 'jpeg',
    width: 4,
    height: 2,
    orientation: 1,
    hasAlpha: false,
    hasIccProfile: false,
    hasExif: false,
  },
  preview: { bytes: new Uint8Array([1, 2]), mimeType: 'image/jpeg', width: 4, height: 2 },
};

function fakeHandlers(overrides: Partial<BackendHandlers> = {}): BackendHandlers {
  return {
    getStatus: () => Promise.resolve(ok(status)),
    openPhoto: () => Promise.resolve(ok(photo)),
    openPhotoFromDialog: () => Promise.resolve(ok(null)),
    applyResult: () => Promise.resolve(ok(photo)),
    photoDetail: () => Promise.resolve(fail('photo-not-found', 'gone')),
    synthesize: (request) =>
      Promise.resolve(
        ok({ status: 'nothing-to-do', requestId: request.requestId, revision: request.revision }),
      ),
    saveProject: () => Promise.resolve(ok(null)),
    openProject: () => Promise.resolve(fail('project-unreadable', 'not a project')),
    openProjectFromDialog: () => Promise.resolve(ok(null)),
    autosave: () => Promise.resolve(ok({ savedAt: '2026-01-01T00:00:00.000Z', unchanged: true })),
    checkRecovery: () => Promise.resolve(ok(null)),
    restoreRecovery: () => Promise.resolve(fail('unsupported', 'no recovery')),
    discardRecovery: () => Promise.resolve(ok(null)),
    convertPasteRegion: () => Promise.resolve(fail('photo-not-found', 'no source')),
    getSettings: () => Promise.resolve(fail('unsupported', 'no settings')),
    updateSettings: () => Promise.resolve(fail('unsupported', 'no settings')),
    clearRecentFiles: () => Promise.resolve(fail('unsupported', 'no settings')),
    getAbout: () => Promise.resolve(fail('unsupported', 'no about')),
    openSamplePhoto: () => Promise.resolve(ok(photo)),
    takeOpenFileRequests: () => Promise.resolve(ok([])),
    exportPhoto: () => Promise.resolve(ok(null)),
    ...overrides,
  };
}

describe('dispatcher', () => {
  it('calls the handler with the parsed request and returns its result', async () => {
    const openPhoto = vi.fn(() => Promise.resolve(ok(photo)));
    const dispatcher = createDispatcher(fakeHandlers({ openPhoto }));
    const bytes = new Uint8Array([1, 2, 3]);
    const reply = await dispatcher.dispatch('openPhoto', {
      source: 'bytes',
      fileName: 'a.jpg',
      bytes,
    });
    expect(reply).toEqual(ok(photo));
    expect(openPhoto).toHaveBeenCalledWith({ source: 'bytes', fileName: 'a.jpg', bytes });
  });

  it.each(['deletePhoto', 'toString', '__proto__', 'constructor', ''])(
    'answers unknown method "%s" with unknown-method',
    async (method) => {
      const reply = await createDispatcher(fakeHandlers()).dispatch(method, undefined);
      expect(reply).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    },
  );

  it.each([
    ['no payload', undefined],
    ['a string', 'photo.jpg'],
    ['an unknown source', { source: 'url', url: 'https://example.com/a.jpg' }],
    ['a path of the wrong type', { source: 'path', path: 42 }],
    ['an empty path', { source: 'path', path: '' }],
    ['bytes as base64 text', { source: 'bytes', fileName: 'a.jpg', bytes: 'AAEC' }],
    ['bytes as a number array', { source: 'bytes', fileName: 'a.jpg', bytes: [0, 1, 2] }],
    ['bytes without a file name', { source: 'bytes', bytes: new Uint8Array(1) }],
    [
      'an overlong file name',
      { source: 'bytes', fileName: 'a'.repeat(300), bytes: new Uint8Array(1) },
    ],
  ])('rejects openPhoto with %s, before the handler runs', async (_name, payload) => {
    const openPhoto = vi.fn(() => Promise.resolve(ok(photo)));
    const reply = await createDispatcher(fakeHandlers({ openPhoto })).dispatch(
      'openPhoto',
      payload,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(openPhoto).not.toHaveBeenCalled();
  });

  it('rejects a payload for a method that takes none', async () => {
    const reply = await createDispatcher(fakeHandlers()).dispatch('getStatus', { verbose: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('passes typed failures from handlers through unchanged', async () => {
    const failure = fail('photo-unreadable', '“x.jpg” is damaged.');
    const dispatcher = createDispatcher(
      fakeHandlers({ openPhoto: () => Promise.resolve(failure) }),
    );
    const reply = await dispatcher.dispatch('openPhoto', { source: 'path', path: '/x.jpg' });
    expect(reply).toEqual(failure);
  });

  it('turns a throwing handler into an internal error, reported but not thrown', async () => {
    const report = vi.fn();
    const bug = new Error('null pointer in the decoder');
    const dispatcher = createDispatcher(
      fakeHandlers({ getStatus: () => Promise.reject(bug) }),
      report,
    );
    const reply = await dispatcher.dispatch('getStatus', undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(reply.ok || reply.error.message).not.toContain('null pointer');
    expect(report).toHaveBeenCalledWith('getStatus', bug);
  });

  it('refuses to send a reply that breaks the contract', async () => {
    const report = vi.fn();
    const broken = { ...status, appVersion: 7 } as unknown as AppStatus;
    const dispatcher = createDispatcher(
      fakeHandlers({ getStatus: () => Promise.resolve(ok(broken)) }),
      report,
    );
    const reply = await dispatcher.dispatch('getStatus', undefined);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(report).toHaveBeenCalledOnce();
  });
});
