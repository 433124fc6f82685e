import { describe, expect, it } from 'vitest';
import {
  initialWorkspaceState,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from '../../../renderer/workspace/workspace-state';
import type { OpenedPhoto } from '../../../shared/photo/photo';

const photo: OpenedPhoto = {
  photoId: 'photo-00000000-0000-4000-8000-000000000001',
  info: {
    fileName: 'astronaut.png',
    fileBytes: 100,
    format: 'png',
    width: 512,
    height: 512,
    orientation: 1,
    hasAlpha: false,
    hasIccProfile: true,
    hasExif: false,
  },
  preview: { bytes: new Uint8Array([1]), mimeType: 'image/jpeg', width: 512, height: 512 },
};

const run = (...actions: WorkspaceAction[]): WorkspaceState =>
  actions.reduce(workspaceReducer, initialWorkspaceState);

describe('workspace state', () => {
  it('shows a photo once opened and clears the busy state and old messages', () => {
    const state = run(
      { type: 'failed', code: 'photo-unreadable', text: 'bad' },
      { type: 'photo-opening', fileName: 'astronaut.png' },
      { type: 'photo-opened', photo },
    );
    expect(state.photo).toBe(photo);
    expect(state.opening).toBeNull();
    expect(state.message).toBeNull();
  });

  it('keeps the open photo when a later open fails', () => {
    const state = run(
      { type: 'photo-opened', photo },
      { type: 'photo-opening', fileName: 'broken.jpg' },
      { type: 'failed', code: 'photo-unreadable', text: '“broken.jpg” is damaged.' },
    );
    expect(state.photo).toBe(photo);
    expect(state.opening).toBeNull();
    expect(state.message).toMatchObject({ tone: 'error', code: 'photo-unreadable' });
  });

  it('numbers messages so a repeated error is still a new message', () => {
    const error: WorkspaceAction = { type: 'failed', code: 'photo-unreadable', text: 'same' };
    const once = run(error);
    const twice = workspaceReducer(once, error);
    expect(twice.message?.serial).toBe((once.message?.serial ?? 0) + 1);
  });

  it('does not change the previous state (immutable updates)', () => {
    const before = run({ type: 'photo-opened', photo });
    const after = workspaceReducer(before, { type: 'failed', code: 'internal', text: 'oops' });
    expect(before.message).toBeNull();
    expect(after.message?.text).toBe('oops');
  });

  it('marks only the messages that must stay until dismissed (the others time out)', () => {
    const ordinary = run({ type: 'failed', code: 'photo-unreadable', text: 'bad' });
    expect(ordinary.message?.persistent).toBeUndefined();
    const staying = run({
      type: 'failed',
      code: 'transport',
      text: 'no backend',
      persistent: true,
    });
    expect(staying.message?.persistent).toBe(true);
    // The next message is judged on its own.
    const next = workspaceReducer(staying, { type: 'info', text: 'saved' });
    expect(next.message?.persistent).toBeUndefined();
  });
});
