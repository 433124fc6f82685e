/** The central area: the canvas, the message banner, notices, the empty-state hint and the drop target. */
import type { ReactNode } from 'react';
import type { SceneViewCallbacks, SceneView } from '../canvas/scene-view';
import { EditorCanvas } from '../canvas/EditorCanvas';
import type { Editor } from '../editor';
import type { EditingSession } from '../workspace/editing-session';
import type { WorkspaceMessage } from '../workspace/workspace-state';
import { MessageBanner } from './MessageBanner';
import { OpeningOverlay } from './OpeningOverlay';
import { Toast, type Notice } from './Toast';

interface WorkspaceProps {
  readonly session: EditingSession;
  readonly editor: Editor | null;
  readonly strokesVisible: boolean;
  readonly message: WorkspaceMessage | null;
  readonly notice: Notice | null;
  readonly dropActive: boolean;
  /** What is opening, if anything: a panel over the canvas after half a second. */
  readonly opening: { readonly fileName: string | null } | null;
  readonly onDismissMessage: () => void;
  readonly onNoticeExpired: () => void;
  readonly onPhotoShown: SceneViewCallbacks['onPhotoShown'];
  readonly onResultDrawn: SceneViewCallbacks['onResultDrawn'];
  readonly onCanvasError: (message: string) => void;
  readonly onView: (view: SceneView | null) => void;
  /** Prompts over the canvas (crash recovery, Save As without a native dialog). */
  readonly children?: ReactNode;
  /** Shown instead of the plain hint while no photo is open (the first-run screen). */
  readonly emptyState?: ReactNode;
}

export function Workspace(props: WorkspaceProps) {
  return (
    <main className="workspace" data-testid="workspace" data-drop-active={props.dropActive}>
      {props.editor && (
        <EditorCanvas
          editor={props.editor}
          assets={props.session.assets}
          strokesVisible={props.strokesVisible}
          onPhotoShown={props.onPhotoShown}
          onResultDrawn={props.onResultDrawn}
          onError={props.onCanvasError}
          onView={props.onView}
        />
      )}
      {/* Before the banners and prompts, so they stay above it. */}
      {props.editor === null &&
        (props.emptyState ?? (
          <p className="workspace__hint">Drop a photo here, or choose File → Open Photo…</p>
        ))}
      <MessageBanner message={props.message} onDismiss={props.onDismissMessage} />
      {props.children}
      <Toast notice={props.notice} onExpire={props.onNoticeExpired} />
      <OpeningOverlay opening={props.opening} />
      {props.dropActive && <div className="workspace__drop-overlay">Drop to open</div>}
    </main>
  );
}
