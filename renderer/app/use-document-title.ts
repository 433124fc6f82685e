/** The title names the document and marks unsaved work, in the window's title bar too. */
import { useEffect } from 'react';
import type { EditorState } from '../editor';
import type { WorkspaceController } from '../workspace/workspace-controller';
import type { WorkspaceState } from '../workspace/workspace-state';
import type { DocumentTitle } from './Toolbar';

export function useDocumentTitle(
  controller: WorkspaceController,
  state: WorkspaceState,
  // Read so that the title follows every edit (the unsaved mark is the session's).
  editorState: EditorState | null,
): DocumentTitle | null {
  const unsaved = editorState !== null && controller.hasUnsavedChanges;
  const name = state.project?.fileName ?? state.photo?.info.fileName ?? null;
  useEffect(() => {
    document.title = name === null ? 'FaceShop' : `${unsaved ? '• ' : ''}${name} — FaceShop`;
  }, [name, unsaved]);
  return name === null ? null : { name, unsaved };
}
