/** The central area: the canvas, the message banner, the empty-state hint and the drop target. */
import type { OpenedPhoto } from '../../shared/photo/photo';
import { PhotoCanvas } from '../canvas/PhotoCanvas';
import type { ShownPhoto } from '../canvas/photo-view';
import type { WorkspaceMessage } from '../workspace/workspace-state';
import { MessageBanner } from './MessageBanner';

interface WorkspaceProps {
  readonly photo: OpenedPhoto | null;
  readonly message: WorkspaceMessage | null;
  readonly dropActive: boolean;
  readonly onDismissMessage: () => void;
  readonly onPhotoShown: (shown: ShownPhoto) => void;
  readonly onRefit: (shown: ShownPhoto) => void;
  readonly onCanvasError: (message: string) => void;
}

export function Workspace(props: WorkspaceProps) {
  return (
    <main className="workspace" data-testid="workspace" data-drop-active={props.dropActive}>
      <PhotoCanvas
        photo={props.photo}
        onShown={props.onPhotoShown}
        onRefit={props.onRefit}
        onError={props.onCanvasError}
      />
      <MessageBanner message={props.message} onDismiss={props.onDismissMessage} />
      {props.photo === null && (
        <p className="workspace__hint">Drop a photo here, or choose File → Open Photo…</p>
      )}
      {props.dropActive && <div className="workspace__drop-overlay">Drop to open</div>}
    </main>
  );
}
