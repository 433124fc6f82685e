import { describe, expect, it, vi } from 'vitest';
import { createPhotoOpener } from '../../../renderer/workspace/photo-opener';
import type { WorkspaceAction } from '../../../renderer/workspace/workspace-state';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { OpenedPhoto, OpenPhotoRequest } from '../../../shared/photo/photo';
import { MAX_PHOTO_FILE_BYTES } from '../../../shared/photo/photo-limits';

function openedPhoto(fileName: string): OpenedPhoto {
  return {
    photoId: 'photo-00000000-0000-4000-8000-000000000002',
    info: {
      fileName,
      fileBytes: 1,
      format: 'jpeg',
      width: 10,
      height: 10,
      orientation: 1,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: false,
    },
    preview: { bytes: new Uint8Array([1]), mimeType: 'image/jpeg', width: 10, height: 10 },
  };
}

/** A backend whose openPhoto calls resolve only when the test says so. */
function controllableBackend() {
  const pending: Array<{ request: OpenPhotoRequest; resolve: (r: Result<OpenedPhoto>) => void }> =
    [];
  return {
    pending,
    backend: {
      openPhoto: (request: OpenPhotoRequest) =>
        new Promise<Result<OpenedPhoto>>((resolve) => pending.push({ request, resolve })),
      openPhotoFromDialog: () => Promise.resolve(ok(null)),
      openSamplePhoto: () =>
        new Promise<Result<OpenedPhoto>>((resolve) =>
          pending.push({ request: { source: 'path', path: '(sample)' }, resolve }),
        ),
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('photo opener', () => {
  it('sends the file’s bytes and name to the backend', async () => {
    const { backend, pending } = controllableBackend();
    const actions: WorkspaceAction[] = [];
    const opener = createPhotoOpener(backend, (action) => actions.push(action));
    const done = opener.openFile(new File([new Uint8Array([1, 2, 3])], 'a.jpg'));
    await flush();
    expect(pending[0]?.request).toEqual({
      source: 'bytes',
      fileName: 'a.jpg',
      bytes: new Uint8Array([1, 2, 3]),
    });
    pending[0]?.resolve(ok(openedPhoto('a.jpg')));
    await done;
    expect(actions.map((action) => action.type)).toEqual(['photo-opening', 'photo-opened']);
  });

  it('lets the latest open win when an older one finishes last', async () => {
    const { backend, pending } = controllableBackend();
    const dispatch = vi.fn<(action: WorkspaceAction) => void>();
    const opener = createPhotoOpener(backend, dispatch);
    const first = opener.openFile(new File(['1'], 'first.jpg'));
    const second = opener.openFile(new File(['2'], 'second.jpg'));
    await flush();
    pending[1]?.resolve(ok(openedPhoto('second.jpg')));
    await second;
    pending[0]?.resolve(ok(openedPhoto('first.jpg')));
    await first;
    const opened = dispatch.mock.calls
      .map(([action]) => action)
      .filter((action) => action.type === 'photo-opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ photo: { info: { fileName: 'second.jpg' } } });
  });

  it('opens a recent file by its path and the sample photo, latest winning over both', async () => {
    const { backend, pending } = controllableBackend();
    const dispatch = vi.fn<(action: WorkspaceAction) => void>();
    const opener = createPhotoOpener(backend, dispatch);
    const recent = opener.openPath('/home/me/Pictures/portrait.jpg');
    const sample = opener.openSample();
    await flush();
    expect(pending.map((p) => p.request)).toEqual([
      { source: 'path', path: '/home/me/Pictures/portrait.jpg' },
      { source: 'path', path: '(sample)' },
    ]);
    expect(dispatch).toHaveBeenCalledWith({ type: 'photo-opening', fileName: 'portrait.jpg' });
    pending[1]?.resolve(ok(openedPhoto('astronaut.png')));
    pending[0]?.resolve(ok(openedPhoto('portrait.jpg')));
    await Promise.all([recent, sample]);
    const opened = dispatch.mock.calls
      .map(([action]) => action)
      .filter((action) => action.type === 'photo-opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ photo: { info: { fileName: 'astronaut.png' } } });
  });

  it('refuses an oversized file without reading it', async () => {
    const { backend, pending } = controllableBackend();
    const actions: WorkspaceAction[] = [];
    const huge = { name: 'huge.tif', size: MAX_PHOTO_FILE_BYTES + 1, arrayBuffer: vi.fn() };
    await createPhotoOpener(backend, (action) => actions.push(action)).openFile(
      huge as unknown as File,
    );
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(pending).toHaveLength(0);
    expect(actions.at(-1)).toMatchObject({ type: 'failed', code: 'photo-too-large' });
  });

  it('treats a cancelled dialog as nothing happening', async () => {
    const { backend } = controllableBackend();
    const actions: WorkspaceAction[] = [];
    await createPhotoOpener(backend, (action) => actions.push(action)).openWithDialog();
    expect(actions.map((action) => action.type)).toEqual(['photo-opening', 'photo-open-cancelled']);
  });
});

describe('the discard question (issue 17: no question before the file is known to open)', () => {
  it('a file that cannot be opened says so without asking; one that opens asks, and a no keeps the open photo', async () => {
    const { backend, pending } = controllableBackend();
    const actions: WorkspaceAction[] = [];
    const asked: string[] = [];
    let answer = false;
    const opener = createPhotoOpener(
      backend,
      (action) => actions.push(action),
      () => {
        asked.push('discard?');
        return answer;
      },
    );
    const notAnImage = opener.openFile(new File([new Uint8Array([1])], 'notes.txt'));
    await flush();
    pending[0]?.resolve(
      fail('photo-unsupported-format', '“notes.txt” is not a photo FaceShop can open.'),
    );
    await notAnImage;
    expect(asked).toEqual([]);
    expect(actions.at(-1)).toMatchObject({ type: 'failed', code: 'photo-unsupported-format' });

    const declined = opener.openFile(new File([new Uint8Array([2])], 'b.jpg'));
    await flush();
    pending[1]?.resolve(ok(openedPhoto('b.jpg')));
    await declined;
    expect(asked).toEqual(['discard?']);
    expect(actions.at(-1)).toEqual({ type: 'photo-open-cancelled' });
    expect(actions.some((action) => action.type === 'photo-opened')).toBe(false);

    answer = true;
    const accepted = opener.openFile(new File([new Uint8Array([3])], 'c.jpg'));
    await flush();
    pending[2]?.resolve(ok(openedPhoto('c.jpg')));
    await accepted;
    expect(asked).toHaveLength(2);
    expect(actions.at(-1)).toMatchObject({ type: 'photo-opened' });
  });
});
