/**
 * The photo open in the paste source panel, held beside the editing session rather than in the
 * panel's own React state, so a project keeps it: Save writes it into the file (the photo
 * beside the document, its framing in the session entry) and reopening puts it back.
 */
import type { WorkArea } from '../../shared/document';
import type { OpenedPhoto } from '../../shared/photo/photo';

export interface HeldPasteSource {
  readonly photo: OpenedPhoto;
  readonly workArea: WorkArea;
  /** What was opened, for the panel's caption. */
  readonly fileName: string;
  readonly from: 'photo' | 'project';
}

export class PasteSourceSlot {
  private current: HeldPasteSource | null = null;
  private readonly listeners = new Set<() => void>();

  readonly get = (): HeldPasteSource | null => this.current;

  set(source: HeldPasteSource | null): void {
    if (source === this.current) return;
    this.current = source;
    for (const listener of [...this.listeners]) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
