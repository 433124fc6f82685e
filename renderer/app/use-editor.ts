/** React's view of the editing session: the editor instance, its state, and synthesis status. */
import { useCallback, useSyncExternalStore } from 'react';
import type { Editor, EditorState } from '../editor';
import type { SynthesisClient, SynthesisStatus } from '../synthesis/synthesis-client';
import type { EditingSession } from '../workspace/editing-session';

export function useSessionEditor(session: EditingSession): Editor | null {
  return useSyncExternalStore(session.subscribe, session.getEditor);
}

/**
 * Re-renders on document and session changes, not on the live preview (the state object is
 * unchanged then, so React skips the render). Null while no photo is open.
 */
export function useEditorState(editor: Editor | null): EditorState | null {
  const subscribe = useCallback(
    (listener: () => void) => (editor ? editor.subscribe(listener) : () => {}),
    [editor],
  );
  return useSyncExternalStore(subscribe, () => editor?.state ?? null);
}

const NO_CLIENT: SynthesisStatus = {
  running: false,
  lastRoundTripMs: null,
  lastInferenceMs: null,
  error: null,
};

const noSubscription = () => () => {};

export function useSynthesisStatus(client: SynthesisClient | null): SynthesisStatus {
  return useSyncExternalStore(
    client ? client.subscribe : noSubscription,
    client ? client.getStatus : () => NO_CLIENT,
  );
}
