/**
 * The workspace's state and the one reducer that changes it. For now it holds what the shell
 * shows: the backend's status, the open photo (id, metadata, preview), whether an open is in
 * progress, the message on screen, and the view's zoom. The editable document (strokes, layers,
 * undo history) arrives with the editing tools and will live beside it, not inside it.
 */
import { produce } from 'immer';
import type { ErrorCode } from '../../shared/ipc/result';
import type { OpenedPhoto } from '../../shared/photo/photo';
import type { AppStatus } from '../../shared/status/app-status';

export interface WorkspaceMessage {
  readonly tone: 'error' | 'info';
  readonly code: ErrorCode | null;
  readonly text: string;
  /** Increases with every message, so the same text shown twice still counts as new. */
  readonly serial: number;
}

export interface WorkspaceState {
  readonly status: AppStatus | null;
  readonly photo: OpenedPhoto | null;
  /** The file being opened (null name while a native dialog is up), or null when idle. */
  readonly opening: { readonly fileName: string | null } | null;
  readonly message: WorkspaceMessage | null;
  /** View pixels per photo pixel, once the photo is on screen. */
  readonly zoom: number | null;
}

export type WorkspaceAction =
  | { readonly type: 'status-loaded'; readonly status: AppStatus }
  | { readonly type: 'photo-opening'; readonly fileName: string | null }
  | { readonly type: 'photo-opened'; readonly photo: OpenedPhoto }
  | { readonly type: 'photo-open-cancelled' }
  | { readonly type: 'failed'; readonly code: ErrorCode; readonly text: string }
  | { readonly type: 'message-dismissed' }
  | { readonly type: 'zoom-changed'; readonly zoom: number };

export const initialWorkspaceState: WorkspaceState = {
  status: null,
  photo: null,
  opening: null,
  message: null,
  zoom: null,
};

export const workspaceReducer = produce((draft: WorkspaceState, action: WorkspaceAction) => {
  const state = draft as Mutable<WorkspaceState>;
  switch (action.type) {
    case 'status-loaded':
      state.status = action.status;
      return;
    case 'photo-opening':
      state.opening = { fileName: action.fileName };
      return;
    case 'photo-opened':
      state.photo = action.photo;
      state.opening = null;
      state.zoom = null;
      state.message = null;
      return;
    case 'photo-open-cancelled':
      state.opening = null;
      return;
    case 'failed':
      // The open photo, if any, stays: a failed open must not cost the person their work.
      state.opening = null;
      state.message = {
        tone: 'error',
        code: action.code,
        text: action.text,
        serial: (state.message?.serial ?? 0) + 1,
      };
      return;
    case 'message-dismissed':
      state.message = null;
      return;
    case 'zoom-changed':
      state.zoom = action.zoom;
      return;
  }
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
