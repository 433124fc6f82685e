/**
 * The workspace's state and the one reducer that changes it: what the shell shows around the
 * editor — the backend's status, the open photo (id, metadata, preview), whether an open is in
 * progress, and the message on screen. The editable document (strokes, layers, undo history)
 * and the view (zoom, pan) live beside it, in the editor (workspace/editing-session.ts).
 */
import { produce } from 'immer';
import type { ErrorCode } from '../../shared/ipc/result';
import type { OpenedPhoto } from '../../shared/photo/photo';
import type { RecoveryOffer } from '../../shared/project/project-api';
import type { AppStatus } from '../../shared/status/app-status';

export interface WorkspaceMessage {
  readonly tone: 'error' | 'info';
  readonly code: ErrorCode | null;
  readonly text: string;
  /** Increases with every message, so the same text shown twice still counts as new. */
  readonly serial: number;
  /** Stays until dismissed instead of timing out: nothing works until it is dealt with. */
  readonly persistent?: boolean;
}

/** The project file the open document belongs to (what "Save" writes and the title shows). */
export interface ProjectFile {
  /** Null until it is saved somewhere: a project opened from bytes, or recovered work. */
  readonly path: string | null;
  readonly fileName: string;
}

export interface WorkspaceState {
  readonly status: AppStatus | null;
  readonly photo: OpenedPhoto | null;
  /** Null for a photo opened on its own and not yet saved as a project. */
  readonly project: ProjectFile | null;
  /** A save, an open of a project or an apply is running; the words for the status bar. */
  readonly busy: string | null;
  /** Work a crashed session left behind, offered until restored or discarded. */
  readonly recovery: RecoveryOffer | null;
  /** The file being opened (null name while a native dialog is up), or null when idle. */
  readonly opening: { readonly fileName: string | null } | null;
  readonly message: WorkspaceMessage | null;
}

export type WorkspaceAction =
  | { readonly type: 'status-loaded'; readonly status: AppStatus }
  | { readonly type: 'photo-opening'; readonly fileName: string | null }
  | { readonly type: 'photo-opened'; readonly photo: OpenedPhoto }
  | { readonly type: 'photo-open-cancelled' }
  | {
      readonly type: 'project-opened';
      readonly photo: OpenedPhoto;
      readonly project: ProjectFile;
      readonly warnings: readonly string[];
    }
  | { readonly type: 'project-saved'; readonly project: ProjectFile }
  | { readonly type: 'busy'; readonly text: string | null }
  | { readonly type: 'recovery-offered'; readonly offer: RecoveryOffer | null }
  | { readonly type: 'info'; readonly text: string }
  | {
      readonly type: 'failed';
      readonly code: ErrorCode;
      readonly text: string;
      readonly persistent?: boolean;
    }
  | { readonly type: 'message-dismissed' };

/** Hands an action to the one reducer (the workspace controller owns it). */
export type WorkspaceDispatch = (action: WorkspaceAction) => void;

export const initialWorkspaceState: WorkspaceState = {
  status: null,
  photo: null,
  project: null,
  busy: null,
  recovery: null,
  opening: null,
  message: null,
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
      state.project = null;
      state.opening = null;
      state.message = null;
      return;
    case 'project-opened':
      state.photo = action.photo;
      state.project = action.project;
      state.opening = null;
      state.busy = null;
      state.recovery = null;
      state.message =
        action.warnings.length === 0
          ? null
          : {
              tone: 'info',
              code: null,
              text: action.warnings.join(' '),
              serial: (state.message?.serial ?? 0) + 1,
            };
      return;
    case 'project-saved':
      state.project = action.project;
      state.busy = null;
      return;
    case 'busy':
      state.busy = action.text;
      return;
    case 'recovery-offered':
      state.recovery = action.offer;
      return;
    case 'info':
      state.message = {
        tone: 'info',
        code: null,
        text: action.text,
        serial: (state.message?.serial ?? 0) + 1,
      };
      return;
    case 'photo-open-cancelled':
      state.opening = null;
      return;
    case 'failed':
      // The open photo, if any, stays: a failed open must not cost the person their work.
      state.opening = null;
      state.busy = null;
      state.message = {
        tone: 'error',
        code: action.code,
        text: action.text,
        serial: (state.message?.serial ?? 0) + 1,
        ...(action.persistent ? { persistent: true } : {}),
      };
      return;
    case 'message-dismissed':
      state.message = null;
      return;
  }
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
