/**
 * The editor: what the UI talks to. It owns the store (state, history, revision), the tools and
 * the keymap, and turns pointer and keyboard input into commands. It has no DOM, no Fabric and no
 * React, so the same object runs in the app and in headless tests (tests/unit/editor).
 *
 * Three signals matter to the rest of the app:
 * - `subscribe` — state or tool preview changed: re-render.
 * - `onStrokeCommitted` — a gesture ended in a recorded change (a stroke, an erase, an iris).
 * - `onSynthesisNeeded(revision)` — what the network sees changed (a stroke, undo, redo, a
 *   visibility toggle, the work area, the seed, applying a result): request synthesis for this
 *   revision; results for older revisions are refused by `receive-result`.
 *
 * Undo, redo and history jumps are refused while a gesture runs: the stroke being drawn was made
 * against the current state, and undoing under it could remove the very layer it goes into.
 */
import {
  itemIds,
  type DocumentRevision,
  type FaceDocument,
  type Point,
} from '../../shared/document';
import {
  commandLabel,
  type ChangeCommand,
  type CommandContext,
  type CommandOutcome,
  type HistoryCommand,
  type ItemKind,
} from './commands/command';
import type { HistoryEntry } from './history/patch-history';
import type { ProjectSession } from '../../shared/project/project-session';
import { sessionToRestore, sessionToSave } from './state/saved-session';
import { createSessionIds, type IdSource } from './ids';
import { createDefaultKeymap, type KeyAction, type KeyTarget } from './shortcuts/default-keymap';
import { chordId, chordOfInput, type KeyInput, type Platform } from './shortcuts/key-chord';
import type { ShortcutRegistry } from './shortcuts/shortcut-registry';
import type { EditorState, SessionState } from './state/editor-state';
import type { ToolId } from './state/tool-id';
import { Signal } from './store/signal';
import { EditorStore } from './store/editor-store';
import { createTools } from './tools/create-tools';
import type {
  ColorSampler,
  PhotoPointer,
  StrokeCommit,
  ToolContext,
  ToolPreview,
} from './tools/tool';
import { ToolHost } from './tools/tool-host';

export interface EditorOptions {
  /** Picks Cmd or Ctrl for "Mod" shortcuts. */
  readonly platform?: Platform;
  /** The eyedropper's source of photo colors. */
  readonly sampleColor?: ColorSampler;
  /** The face landmarks of the document's photo (68 points), where the backend found them. */
  readonly faceLandmarks?: () => readonly Point[] | null;
  readonly ids?: IdSource;
  readonly random?: () => number;
  readonly historyLimit?: number;
}

export interface RunOptions {
  /** Fold into the previous step of the same command (a slider being dragged). */
  readonly merge?: boolean;
}

/** What a history panel lists: every step, and how many of them are applied. */
export interface HistoryView {
  /** Oldest first: applied steps, then undone ones. */
  readonly steps: readonly { readonly id: number; readonly label: string }[];
  /** Steps applied; `jumpTo(0)` undoes all, `jumpTo(steps.length)` redoes all. */
  readonly position: number;
}

export class Editor {
  private readonly store: EditorStore;
  private readonly host = new ToolHost(createTools());
  private readonly random: () => number;
  private readonly ids: IdSource;
  private readonly sampler: ColorSampler;
  private readonly landmarks: () => readonly Point[] | null;
  private readonly heldKeys = new Map<string, Extract<KeyAction, { kind: 'hold' }>>();
  private lastPreview: ToolPreview | null = null;

  readonly keymap: ShortcutRegistry<KeyAction>;
  readonly strokeCommitted = new Signal<StrokeCommit>();
  /** A tool or command refused; carries the reason for the UI to show. */
  readonly refused = new Signal<string>();
  readonly previewChanged = new Signal<ToolPreview | null>();

  constructor(document: FaceDocument, options: EditorOptions = {}) {
    this.store = new EditorStore(
      document,
      options.historyLimit === undefined ? {} : { historyLimit: options.historyLimit },
    );
    this.random = options.random ?? Math.random;
    this.ids = options.ids ?? createSessionIds(this.random);
    this.sampler = options.sampleColor ?? (() => null);
    this.landmarks = options.faceLandmarks ?? (() => null);
    this.keymap = createDefaultKeymap(options.platform ?? 'other');
  }

  // ── Reading ────────────────────────────────────────────────────────────────────────────────

  get state(): EditorState {
    return this.store.state;
  }

  get document(): FaceDocument {
    return this.store.state.document;
  }

  get session(): SessionState {
    return this.store.state.session;
  }

  get revision(): DocumentRevision {
    return this.store.revision;
  }

  /** What the active gesture is drawing, for the canvas; null when idle. */
  get preview(): ToolPreview | null {
    return this.host.preview;
  }

  get gestureActive(): boolean {
    return this.host.gestureActive;
  }

  /** The tool the next pointer-down goes to: the selected one, or the hand while Space is held. */
  get activeTool(): ToolId {
    return this.host.effectiveTool(this.session.tool);
  }

  get canUndo(): boolean {
    return !this.gestureActive && this.store.history.canUndo;
  }

  get canRedo(): boolean {
    return !this.gestureActive && this.store.history.canRedo;
  }

  get history(): HistoryView {
    const { undoEntries, redoEntries, position } = this.store.history;
    const step = (entry: HistoryEntry): { id: number; label: string } => ({
      id: entry.id,
      label: entry.label,
    });
    return { steps: [...undoEntries.map(step), ...redoEntries.map(step)], position };
  }

  /** For the "unsaved changes" prompt on close; `markSaved` after the project file is written. */
  get hasUnsavedChanges(): boolean {
    return this.store.hasUnsavedChanges;
  }

  markSaved(): void {
    this.store.markSaved();
  }

  // ── Subscribing ────────────────────────────────────────────────────────────────────────────

  /** State or preview changed. */
  subscribe(listener: () => void): () => void {
    const offState = this.store.changed.subscribe(listener);
    const offPreview = this.previewChanged.subscribe(listener);
    return () => {
      offState();
      offPreview();
    };
  }

  onSynthesisNeeded(listener: (revision: DocumentRevision) => void): () => void {
    return this.store.synthesisNeeded.subscribe(listener);
  }

  onStrokeCommitted(listener: (commit: StrokeCommit) => void): () => void {
    return this.strokeCommitted.subscribe(listener);
  }

  // ── Commands and history ──────────────────────────────────────────────────────────────────

  run<Args>(
    command: ChangeCommand<Args>,
    args: NoInfer<Args>,
    options: RunOptions = {},
  ): CommandOutcome {
    const context = this.commandContext();
    const refusal = command.refusal?.(this.state, args, context) ?? null;
    if (refusal !== null) {
      this.refused.emit(refusal);
      return { status: 'refused', reason: refusal };
    }
    const outcome = this.store.change(
      {
        label: commandLabel(command, args, this.state),
        commandId: command.id,
        history: command.history,
        ...(options.merge === undefined ? {} : { merge: options.merge }),
      },
      (draft) => command.perform(draft, args, context),
    );
    this.cancelGestureOfDeselectedTool();
    return outcome.status === 'applied' ? { status: 'applied' } : { status: 'unchanged' };
  }

  undo(): boolean {
    return this.canUndo && this.store.undo() !== undefined;
  }

  redo(): boolean {
    return this.canRedo && this.store.redo() !== undefined;
  }

  /** Moves to a position of `history` (the panel's click); one synthesis request at the end. */
  jumpTo(position: number): boolean {
    return !this.gestureActive && this.store.jumpTo(position) > 0;
  }

  /** A newly opened photo or project: fresh history and session. */
  replaceDocument(document: FaceDocument): void {
    this.cancelGesture();
    this.store.replaceDocument(document);
  }

  /** What a project file keeps of the session: view, brushes, colours, the newest steps. */
  savedSession(): ProjectSession {
    return sessionToSave(this.session, this.store.history);
  }

  /**
   * After `replaceDocument` with a project's document: its saved session, with the undo steps
   * that replay cleanly on it (photos in `openAssets`). Returns how many saved steps were left
   * out.
   */
  restoreSession(saved: ProjectSession, openAssets: ReadonlySet<string>): number {
    const restored = sessionToRestore(this.document, saved, openAssets);
    this.store.restoreSession(restored);
    return restored.dropped;
  }

  // ── Pointer input (photo pixels) ──────────────────────────────────────────────────────────

  pointerDown(pointer: PhotoPointer): void {
    this.host.pointerDown(pointer, this.session.tool, this.toolContext);
    this.emitPreviewIfChanged();
  }

  pointerMove(pointer: PhotoPointer): void {
    this.host.pointerMove(pointer, this.toolContext);
    this.emitPreviewIfChanged();
  }

  pointerUp(pointer: PhotoPointer): void {
    this.host.pointerUp(pointer, this.toolContext);
    this.emitPreviewIfChanged();
  }

  /** Escape, pointer capture lost, window blur: the gesture ends and leaves no trace. */
  cancelGesture(): boolean {
    const cancelled = this.host.cancel(this.toolContext);
    this.emitPreviewIfChanged();
    return cancelled;
  }

  // ── Keyboard input ────────────────────────────────────────────────────────────────────────

  /** Returns true when the key was the editor's (the UI should then prevent the default). */
  keyDown(input: KeyInput): boolean {
    if (input.key === 'Escape') return this.cancelGesture();
    const binding = this.keymap.match(input);
    if (!binding) return false;
    const { action } = binding;
    if (action.kind === 'press' && action.applies && !action.applies(this.state)) return false;
    if (action.kind === 'hold') {
      if (input.repeat !== true) {
        this.heldKeys.set(heldKeyId(input), action);
        action.down(this.keyTarget);
      }
      return true;
    }
    // A stroke is one atomic gesture: no tool switch, size change or undo in the middle of it.
    if (!this.gestureActive) action.invoke(this.keyTarget);
    return true;
  }

  keyUp(input: KeyInput): boolean {
    const id = heldKeyId(input);
    const action = this.heldKeys.get(id);
    if (!action) return false;
    this.heldKeys.delete(id);
    action.up(this.keyTarget);
    return true;
  }

  // ── Internals ─────────────────────────────────────────────────────────────────────────────

  private readonly keyTarget: KeyTarget = {
    run: (command, args) => this.run(command, args),
    runHistory: (command: HistoryCommand) => command.perform(this),
    holdPan: (held) => {
      if (held) this.host.springLoad('pan');
      else this.host.releaseSpring(this.toolContext);
      this.emitPreviewIfChanged();
    },
  };

  private readonly toolContext: ToolContext = this.createToolContext();

  private createToolContext(): ToolContext {
    const currentState = (): EditorState => this.state;
    return {
      get state() {
        return currentState();
      },
      run: (command, args) => this.run(command, args),
      newId: (kind) => this.newId(kind),
      sampleColor: (point) => this.sampler(point),
      faceLandmarks: () => this.landmarks(),
      strokeCommitted: (commit) => this.strokeCommitted.emit(commit),
      refused: (reason) => this.refused.emit(reason),
    };
  }

  private commandContext(): CommandContext {
    return {
      revision: this.revision,
      newId: (kind) => this.newId(kind),
      random: this.random,
    };
  }

  private newId(kind: ItemKind): string {
    const used = itemIds(this.document);
    for (const layer of this.document.layers) used.add(layer.id);
    let id = this.ids.next(kind);
    while (used.has(id)) id = this.ids.next(kind);
    return id;
  }

  /** A tool switch (by the UI) while a gesture runs: the gesture is dropped, as on Escape. */
  private cancelGestureOfDeselectedTool(): void {
    const running = this.host.gestureToolId;
    if (running !== null && running !== this.host.effectiveTool(this.session.tool)) {
      this.cancelGesture();
    }
  }

  private emitPreviewIfChanged(): void {
    const preview = this.host.preview;
    if (preview === this.lastPreview) return;
    this.lastPreview = preview;
    this.previewChanged.emit(preview);
  }
}

/** Hold keys are released by key alone: modifiers may have changed while the key was down. */
function heldKeyId(input: KeyInput): string {
  return chordId({ ...chordOfInput(input), ctrl: false, meta: false, alt: false, shift: false });
}
