import { describe, expect, it, vi } from 'vitest';
import {
  WorkspaceController,
  type WorkspaceShell,
} from '../../../renderer/workspace/workspace-controller';
import type { BackendApi } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { OpenedPhoto } from '../../../shared/photo/photo';
import type { AppStatus } from '../../../shared/status/app-status';

function openedPhoto(fileName: string, photoId = 'photo-00000000-0000-4000-8000-000000000002') {
  return {
    photoId,
    info: {
      fileName,
      fileBytes: 1,
      format: 'jpeg',
      width: 64,
      height: 64,
      orientation: 1,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: false,
    },
    preview: { bytes: new Uint8Array([1]), mimeType: 'image/jpeg', width: 64, height: 64 },
  } satisfies OpenedPhoto;
}

const STATUS = {
  model: { state: 'ready' },
  capabilities: { nativeOpenDialog: false },
} as unknown as AppStatus;

/** A backend that answers what the test sets and "not available" for everything else. */
function fakeBackend(answers: Partial<Record<keyof BackendApi, () => Promise<Result<unknown>>>>) {
  const calls: string[] = [];
  const backend = new Proxy({} as BackendApi, {
    get: (_target, method: string) => () => {
      calls.push(method);
      const answer = answers[method as keyof BackendApi];
      return answer ? answer() : Promise.resolve(fail('internal', `${method}: not in this test`));
    },
  });
  return { backend, calls };
}

function fakeShell(confirmAnswer = true) {
  return {
    pickPhotoInPage: vi.fn(),
    pickProjectInPage: vi.fn(),
    askSavePath: vi.fn(),
    showDialog: vi.fn(),
    notify: vi.fn(),
    confirm: vi.fn(() => confirmAnswer),
  } satisfies WorkspaceShell;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('workspace controller', () => {
  it('says so, and stays idle, without a backend', () => {
    const { backend, calls } = fakeBackend({});
    const controller = new WorkspaceController({
      backend,
      backendConnected: false,
      platform: 'other',
      shell: fakeShell(),
    });
    const stop = controller.start();
    expect(controller.getState().message).toMatchObject({
      tone: 'error',
      code: 'transport',
      persistent: true,
    });
    expect(calls).toEqual([]);
    stop();
  });

  it('loads the status on start, then asks for crashed work', async () => {
    const { backend, calls } = fakeBackend({
      getStatus: () => Promise.resolve(ok(STATUS)),
      checkRecovery: () => Promise.resolve(ok(null)),
    });
    const controller = new WorkspaceController({
      backend,
      backendConnected: true,
      platform: 'other',
      shell: fakeShell(),
    });
    const seen = vi.fn();
    controller.subscribe(seen);
    const stop = controller.start();
    await flush();
    expect(controller.getState().status).toBe(STATUS);
    expect(calls).toEqual(['getStatus', 'checkRecovery']);
    expect(seen).toHaveBeenCalled();
    stop();
  });

  it('ignores a status that arrives after it stopped', async () => {
    const { backend } = fakeBackend({ getStatus: () => Promise.resolve(ok(STATUS)) });
    const controller = new WorkspaceController({
      backend,
      backendConnected: true,
      platform: 'other',
      shell: fakeShell(),
    });
    controller.start()();
    await flush();
    expect(controller.getState().status).toBeNull();
  });

  it('asks before discarding unsaved work only once the dropped file is known to open', async () => {
    let answer: Result<OpenedPhoto> = fail('photo-unreadable', 'not an image');
    const { backend } = fakeBackend({ openPhoto: () => Promise.resolve(answer) });
    const shell = fakeShell(false);
    const controller = new WorkspaceController({
      backend,
      backendConnected: true,
      platform: 'other',
      shell,
    });
    const first = openedPhoto('first.jpg');
    // Recovered work: unsaved without any history.
    controller.session.openDocument(await openFirst(controller, first), [first], true);
    expect(controller.hasUnsavedChanges).toBe(true);

    controller.openDropped(new File([new Uint8Array([1])], 'notes.txt'));
    await flush();
    expect(shell.confirm).not.toHaveBeenCalled();
    expect(controller.getState().message).toMatchObject({ tone: 'error', text: 'not an image' });

    answer = ok(openedPhoto('second.jpg', 'photo-00000000-0000-4000-8000-000000000003'));
    controller.openDropped(new File([new Uint8Array([1])], 'second.jpg'));
    await flush();
    expect(shell.confirm).toHaveBeenCalledTimes(1);
    // Declined: the open document stays.
    expect(controller.getState().opening).toBeNull();
    expect(controller.session.getEditor()?.document.photo.assetId).toBe(first.photoId);
  });

  it('says what to drop when a drop holds no file', () => {
    const { backend } = fakeBackend({});
    const controller = new WorkspaceController({
      backend,
      backendConnected: true,
      platform: 'other',
      shell: fakeShell(),
    });
    controller.openDropped(undefined);
    expect(controller.getState().message).toMatchObject({
      code: 'invalid-request',
      text: 'Drop a photo or a FaceShop project to open it.',
    });
  });

  it('runs workspace commands against the shell', () => {
    const { backend } = fakeBackend({});
    const shell = fakeShell();
    const controller = new WorkspaceController({
      backend,
      backendConnected: true,
      platform: 'other',
      shell,
    });
    controller.runCommand('help.shortcuts');
    expect(shell.showDialog).toHaveBeenCalledWith('shortcuts');
    controller.runCommand('file.open');
    expect(shell.pickPhotoInPage).toHaveBeenCalledTimes(1);
    // Nothing open: there is nothing to save, so no path is asked for.
    controller.runCommand('file.saveAs');
    expect(shell.askSavePath).not.toHaveBeenCalled();
  });

  it('says why Apply cannot run', async () => {
    const { backend, calls } = fakeBackend({});
    const shell = fakeShell();
    const controller = new WorkspaceController({
      backend,
      backendConnected: true,
      platform: 'other',
      shell,
    });
    await controller.apply();
    expect(shell.notify).toHaveBeenCalledWith('open a photo first');
    expect(calls).not.toContain('applyResult');
  });
});

/** Starts editing `photo` in the controller's session and returns its document. */
async function openFirst(controller: WorkspaceController, photo: OpenedPhoto) {
  controller.session.open(photo);
  await flush();
  const editor = controller.session.getEditor();
  if (!editor) throw new Error('no editor');
  return editor.document;
}
