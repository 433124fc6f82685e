/**
 * The editor's store: the one place the editor state changes.
 *
 * Every change is a recipe run through immer's `produceWithPatches` on the whole state
 * (document + session) together with the change's declared history policy. The store applies
 * the new state, hands the patches under `document` to the history (unless the policy is
 * `ignore`), and then compares what the network sees before and after: if it differs, the
 * revision grows by one and `synthesisNeeded` fires with it. Undo, redo and history jumps take
 * the same route back (inverse patches), so they bump the revision and notify in the same way.
 *
 * One invariant is checked rather than trusted: a change declared `ignore` must not touch the
 * document. Undo has to cover every document change the person makes; a command that forgot to
 * declare itself recorded fails loudly in tests instead of losing work silently.
 */
import {
  applyPatches,
  enablePatches,
  produce,
  produceWithPatches,
  type Draft,
  type Patch,
} from 'immer';
import {
  FIRST_REVISION,
  findLayer,
  sameNetworkView,
  type DocumentRevision,
  type FaceDocument,
} from '../../../shared/document';
import type { HistoryPolicy } from '../history/history-policy';
import { PatchHistory, type HistoryEntry } from '../history/patch-history';
import type { RestoredSession } from '../state/saved-session';
import {
  defaultActiveLayer,
  initialSession,
  type EditorState,
  type SessionState,
} from '../state/editor-state';
import { Signal } from './signal';

enablePatches();

export interface ChangeSpec {
  /** The history panel's name for the step. */
  readonly label: string;
  readonly commandId: string;
  readonly history: HistoryPolicy;
  /** Fold into the previous step of the same command (a slider being dragged). */
  readonly merge?: boolean;
}

export type ChangeOutcome =
  | { readonly status: 'applied'; readonly recorded: HistoryEntry | null }
  | { readonly status: 'unchanged' };

export type StateRecipe = (draft: Draft<EditorState>) => void;

export interface EditorStoreOptions {
  readonly historyLimit?: number;
  readonly session?: SessionState;
}

export class EditorStore {
  private current: EditorState;
  private currentRevision: DocumentRevision = FIRST_REVISION;
  private historyStack: PatchHistory;
  private readonly historyLimit: number | undefined;

  /** Any change of state, document or session. */
  readonly changed = new Signal<EditorState>();
  /** What the network sees changed; carries the new revision. */
  readonly synthesisNeeded = new Signal<DocumentRevision>();

  constructor(document: FaceDocument, options: EditorStoreOptions = {}) {
    this.current = { document, session: options.session ?? initialSession(document) };
    this.historyLimit = options.historyLimit;
    this.historyStack = new PatchHistory(options.historyLimit);
  }

  get state(): EditorState {
    return this.current;
  }

  get revision(): DocumentRevision {
    return this.currentRevision;
  }

  get history(): PatchHistory {
    return this.historyStack;
  }

  change(spec: ChangeSpec, recipe: StateRecipe): ChangeOutcome {
    const before = this.current;
    const [next, patches, inversePatches] = produceWithPatches(before, recipe);
    if (patches.length === 0) return { status: 'unchanged' };
    const documentPatches = patches.filter(isDocumentPatch);
    if (spec.history === 'ignore' && documentPatches.length > 0) {
      throw new Error(
        `"${spec.commandId}" changes the document but declares history "ignore"; ` +
          'document changes must be recorded so undo covers them',
      );
    }
    this.current = next;
    const recorded =
      spec.history !== 'ignore' && documentPatches.length > 0
        ? this.historyStack.record({
            label: spec.label,
            commandId: spec.commandId,
            patches: documentPatches,
            inversePatches: inversePatches.filter(isDocumentPatch),
            keepRedo: spec.history === 'record-keep-redo',
            merge: spec.merge ?? false,
          })
        : null;
    this.afterChange(before);
    return { status: 'applied', recorded };
  }

  undo(): HistoryEntry | undefined {
    return this.navigate(() => this.historyStack.undo(this.applyToState));
  }

  redo(): HistoryEntry | undefined {
    return this.navigate(() => this.historyStack.redo(this.applyToState));
  }

  /** Moves to `position` applied steps (see PatchHistory.position); notifies once. */
  jumpTo(position: number): number {
    return this.navigate(() => this.historyStack.jumpTo(position, this.applyToState));
  }

  /**
   * Starts over with another document (a newly opened photo or project): empty history, fresh
   * session, and a new revision so any result still on its way for the old one is dropped.
   */
  replaceDocument(document: FaceDocument): void {
    this.current = { document, session: initialSession(document) };
    this.historyStack = new PatchHistory(this.historyLimit);
    this.currentRevision += 1;
    this.changed.emit(this.current);
    this.synthesisNeeded.emit(this.currentRevision);
  }

  /**
   * A reopened project's session: the view, brushes and colours it was left with, and the
   * history steps that replayed cleanly on its document (saved-session.ts). The document and
   * the revision are untouched; the state now is the saved one.
   */
  restoreSession(restored: RestoredSession): void {
    this.current = {
      ...this.current,
      session: { ...this.current.session, ...restored.session, fitOnFirstView: false },
    };
    this.historyStack.restore(restored.steps, restored.position);
    this.changed.emit(this.current);
  }

  get hasUnsavedChanges(): boolean {
    return !this.historyStack.isAtSavedState;
  }

  markSaved(): void {
    this.historyStack.markSaved();
    this.changed.emit(this.current);
  }

  private readonly applyToState = (patches: readonly Patch[]): void => {
    this.current = applyPatches(this.current, patches);
  };

  private navigate<T>(move: () => T): T {
    const before = this.current;
    const outcome = move();
    if (this.current !== before) {
      this.repairSession();
      this.afterChange(before);
    }
    return outcome;
  }

  /**
   * Session state may point into the document (the active layer); after undo removed what it
   * pointed at, fall back to a layer that exists. Not recorded: it is session state.
   */
  private repairSession(): void {
    const { document, session } = this.current;
    if (findLayer(document, session.activeLayerId)) return;
    this.current = produce(this.current, (draft) => {
      draft.session.activeLayerId = defaultActiveLayer(document);
    });
  }

  private afterChange(before: EditorState): void {
    const networkChanged = !sameNetworkView(before.document, this.current.document);
    if (networkChanged) this.currentRevision += 1;
    this.changed.emit(this.current);
    if (networkChanged) this.synthesisNeeded.emit(this.currentRevision);
  }
}

function isDocumentPatch(patch: Patch): boolean {
  return patch.path[0] === 'document';
}
