/**
 * Undo and redo as stacks of immer patch groups.
 *
 * Each recorded change is one entry holding the patches that made it and the inverse patches
 * that take it back. Undo applies the top entry's inverse patches and moves it to the redo
 * stack; redo applies its forward patches and moves it back. The state is never snapshotted, so
 * a step costs as much memory as the change itself (a stroke, not a canvas).
 *
 * Entries can be merged: a slider dragged through fifty values is one step, not fifty. A merge
 * only happens when the caller asks for it, the top entry came from the same command, and
 * nothing was undone or redone in between.
 *
 * "Saved" is tracked by entry id: the state is the saved one when the entry on top of the undo
 * stack is the one that was on top when the document was saved. The stacks are linear, so the
 * top entry identifies the state.
 *
 * The stack knows nothing about the state it changes: the caller passes a function that applies
 * patches, which is how the tests drive it against a toy store.
 */
import type { Patch } from 'immer';
import { patchesOverlap } from './patch-conflicts';

export interface HistoryEntry {
  /** Unique within the history; a merged entry gets a new id. */
  readonly id: number;
  /** What the history panel shows, e.g. "Sketch stroke". */
  readonly label: string;
  readonly commandId: string;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
}

export interface RecordRequest {
  readonly label: string;
  readonly commandId: string;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
  /** Keep the redo stack (`record-keep-redo`) when the change cannot clash with it. */
  readonly keepRedo: boolean;
  /** Fold into the top entry if it came from the same command and nothing happened since. */
  readonly merge: boolean;
}

export type ApplyPatches = (patches: readonly Patch[]) => void;

/** Long enough for a session of work; strokes are small, so this is kilobytes per step. */
const DEFAULT_LIMIT = 500;

export class PatchHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private nextId = 1;
  /** Id of the state below the oldest kept entry: 0 at first, later the last dropped entry. */
  private baseId = 0;
  private savedId = 0;
  /** Merging is only allowed right after a record, never across an undo or redo. */
  private lastWasRecord = false;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** Oldest first. */
  get undoEntries(): readonly HistoryEntry[] {
    return this.undoStack;
  }

  /** Next to redo first. */
  get redoEntries(): readonly HistoryEntry[] {
    return [...this.redoStack].reverse();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  record(request: RecordRequest): HistoryEntry {
    const top = this.undoStack.at(-1);
    if (request.merge && this.lastWasRecord && top?.commandId === request.commandId) {
      const merged: HistoryEntry = {
        id: this.nextId++,
        label: request.label,
        commandId: request.commandId,
        patches: [...top.patches, ...request.patches],
        inversePatches: [...request.inversePatches, ...top.inversePatches],
      };
      this.undoStack[this.undoStack.length - 1] = merged;
      this.clearRedoUnlessKept(request);
      return merged;
    }
    const entry: HistoryEntry = {
      id: this.nextId++,
      label: request.label,
      commandId: request.commandId,
      patches: request.patches,
      inversePatches: request.inversePatches,
    };
    this.clearRedoUnlessKept(request);
    this.undoStack.push(entry);
    if (this.undoStack.length > this.limit) {
      const dropped = this.undoStack.shift();
      if (dropped) this.baseId = dropped.id;
    }
    this.lastWasRecord = true;
    return entry;
  }

  /** Takes back the top step; returns it, or undefined when there is nothing to undo. */
  undo(apply: ApplyPatches): HistoryEntry | undefined {
    const entry = this.undoStack.at(-1);
    if (!entry) return undefined;
    // Apply first: if the patches do not apply, the stacks stay as they were.
    apply(entry.inversePatches);
    this.undoStack.pop();
    this.redoStack.push(entry);
    this.lastWasRecord = false;
    return entry;
  }

  redo(apply: ApplyPatches): HistoryEntry | undefined {
    const entry = this.redoStack.at(-1);
    if (!entry) return undefined;
    apply(entry.patches);
    this.redoStack.pop();
    this.undoStack.push(entry);
    this.lastWasRecord = false;
    return entry;
  }

  /**
   * Number of applied steps: 0 is the oldest state still reachable, `undoEntries.length` the
   * current one. The history panel lists undo entries then redo entries and jumps by position.
   */
  get position(): number {
    return this.undoStack.length;
  }

  get length(): number {
    return this.undoStack.length + this.redoStack.length;
  }

  /** Undoes or redoes until `position` steps are applied. Out-of-range positions are clamped. */
  jumpTo(position: number, apply: ApplyPatches): number {
    const target = Math.max(0, Math.min(this.length, Math.trunc(position)));
    let moved = 0;
    while (this.position > target && this.undo(apply)) moved += 1;
    while (this.position < target && this.redo(apply)) moved += 1;
    return moved;
  }

  markSaved(): void {
    this.savedId = this.undoStack.at(-1)?.id ?? this.baseId;
  }

  get isAtSavedState(): boolean {
    return (this.undoStack.at(-1)?.id ?? this.baseId) === this.savedId;
  }

  /**
   * Starts from steps kept in a project file: `steps` oldest first, the first `position` of
   * them applied (the state now is after them), the rest undone. The state now is the saved one.
   * Only the newest `limit` applied steps are kept.
   */
  restore(steps: readonly Omit<HistoryEntry, 'id'>[], position: number): void {
    const applied = steps.slice(Math.max(0, position - this.limit), position);
    const undone = steps.slice(position);
    this.undoStack = applied.map((step) => ({ ...step, id: this.nextId++ }));
    this.redoStack = undone.map((step) => ({ ...step, id: this.nextId++ })).reverse();
    this.baseId = this.nextId++;
    this.lastWasRecord = false;
    this.markSaved();
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.baseId = this.nextId++;
    this.savedId = this.baseId;
    this.lastWasRecord = false;
  }

  /**
   * Redo entries were computed against the state before this change. They still apply after it
   * only if they touch none of what it touched; otherwise redoing would silently overwrite the
   * new change (or fail), so the stack is dropped as a normal `record` would.
   */
  private clearRedoUnlessKept(request: RecordRequest): void {
    const keep =
      request.keepRedo &&
      this.redoStack.every(
        (entry) =>
          !patchesOverlap(entry.patches, request.patches) &&
          !patchesOverlap(entry.inversePatches, request.patches),
      );
    if (!keep) this.redoStack = [];
  }
}
