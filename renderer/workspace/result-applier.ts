/**
 * "Apply" (FaceShop's iterative workflow): bakes the result on screen into a new full-resolution
 * photo so the next edits build on it.
 *
 * How it works. Apply is offered only while the result on screen belongs to the document's
 * current revision. The backend renders that document's edit at full resolution (the same
 * inputs and seed as the shown result) into a new photo asset and answers with its preview;
 * the preview joins the session's photo library — beside the old photo, which undo needs — and
 * one recorded editor command makes it the document's photo and clears the strokes. If the
 * document changed while the backend worked, the command refuses (the baked photo no longer
 * matches what the person sees) and nothing changes; they can apply again.
 */
import type { DocumentRevision } from '../../shared/document';
import type { BackendApi } from '../../shared/ipc/contract';
import type { BackendError } from '../../shared/ipc/result';
import type { OpenedPhoto } from '../../shared/photo/photo';
import { commands, type Editor } from '../editor';
import type { EditingSession } from './editing-session';

export type ApplyOutcome =
  | { readonly status: 'applied'; readonly photo: OpenedPhoto; readonly revision: number }
  | { readonly status: 'unavailable'; readonly reason: string }
  | { readonly status: 'failed'; readonly error: BackendError };

/** Why Apply cannot run now, or null when it can. */
export function applyUnavailableReason(editor: Editor | null, applying: boolean): string | null {
  if (applying) return 'the result is being applied';
  if (!editor) return 'open a photo first';
  const result = editor.session.result;
  if (result === null) return 'there is no result to apply yet: paint a mask first';
  if (result.revision !== editor.revision) return 'wait for the result of the latest strokes';
  return null;
}

export class ResultApplier {
  private running = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: EditingSession,
    private readonly applyResult: BackendApi['applyResult'],
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** True while the backend bakes the result (for the busy state). */
  readonly isApplying = (): boolean => this.running;

  async apply(): Promise<ApplyOutcome> {
    const editor = this.session.getEditor();
    const reason = applyUnavailableReason(editor, this.running);
    if (reason !== null || !editor) return { status: 'unavailable', reason: reason ?? '' };
    const revision: DocumentRevision = editor.revision;
    this.setRunning(true);
    try {
      const answer = await this.applyResult({ document: editor.document }).catch(
        (error: unknown) =>
          ({
            ok: false,
            error: { code: 'transport', message: `Apply failed: ${String(error)}` },
          }) as const,
      );
      if (!answer.ok) return { status: 'failed', error: answer.error };
      const photo = answer.value;
      this.session.addPhoto(photo, editor.document.photo.assetId);
      const outcome = editor.run(commands.applyResult, {
        photoAssetId: photo.photoId,
        resultRevision: revision,
      });
      if (outcome.status !== 'applied') {
        return {
          status: 'unavailable',
          reason: 'the strokes changed while the result was being applied; apply again',
        };
      }
      return { status: 'applied', photo, revision };
    } finally {
      this.setRunning(false);
    }
  }

  private setRunning(running: boolean): void {
    this.running = running;
    for (const listener of [...this.listeners]) listener();
  }
}
