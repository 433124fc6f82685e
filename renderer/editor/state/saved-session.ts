/**
 * The editing session as a project keeps it (shared/project/project-session.ts): what is saved
 * from the editor, and what of a saved one may be trusted when a project is opened again.
 *
 * The undo history is a list of patch pairs read from a file, so it is replayed against the
 * document before it is believed: walking back from the document through each applied step's
 * inverse patches and forward through the undone steps' patches, every state must be a valid
 * document whose photos are open, and each step's patches must turn the state on one side into
 * the state on the other. The first step that fails ends the history there (older steps, or
 * later redo steps, are left out); the steps kept can be undone and redone exactly.
 */
import { applyPatches, type Patch } from 'immer';
import { FaceDocumentSchema, type FaceDocument } from '../../../shared/document/document';
import {
  MAX_SAVED_HISTORY_STEPS,
  SavedHistoryStepSchema,
  type ProjectSession,
  type SavedHistoryStep,
} from '../../../shared/project/project-session';
import type { HistoryEntry } from '../history/patch-history';
import type { SessionState } from './editor-state';

export interface HistorySnapshot {
  /** Oldest first: applied, then undone. */
  readonly undoEntries: readonly HistoryEntry[];
  /** Next to redo first. */
  readonly redoEntries: readonly HistoryEntry[];
}

/** What a project file keeps of the session and the history (the newest steps). */
export function sessionToSave(session: SessionState, history: HistorySnapshot): ProjectSession {
  const applied = history.undoEntries.slice(-MAX_SAVED_HISTORY_STEPS);
  const undone = history.redoEntries.slice(0, MAX_SAVED_HISTORY_STEPS - applied.length);
  const step = (entry: HistoryEntry): SavedHistoryStep => ({
    label: entry.label,
    commandId: entry.commandId,
    patches: entry.patches.map(savedPatch),
    inversePatches: entry.inversePatches.map(savedPatch),
  });
  // A step the file's schema would refuse (a patch list past its limits) would fail the whole
  // save: the history ends there instead — the newest applied steps and the next redo steps.
  const fits = (entry: HistoryEntry) => SavedHistoryStepSchema.safeParse(step(entry)).success;
  const firstKept = applied.findLastIndex((entry) => !fits(entry)) + 1;
  const redoKept = undone.findIndex((entry) => !fits(entry));
  const keptApplied = applied.slice(firstKept);
  const keptUndone = redoKept === -1 ? undone : undone.slice(0, redoKept);
  return {
    version: 1,
    viewport: { ...session.viewport },
    brushSizes: { ...session.brushSizes },
    color: session.color,
    recentColors: [...session.recentColors],
    history: {
      steps: [...keptApplied, ...keptUndone].map(step),
      position: keptApplied.length,
    },
  };
}

export interface RestoredSession {
  readonly session: Pick<SessionState, 'viewport' | 'brushSizes' | 'color' | 'recentColors'>;
  readonly steps: readonly Omit<HistoryEntry, 'id'>[];
  /** How many of `steps` are applied. */
  readonly position: number;
  /** Saved steps that could not be replayed and were left out. */
  readonly dropped: number;
}

/** The saved session, with only the history steps that replay cleanly on `document`. */
export function sessionToRestore(
  document: FaceDocument,
  saved: ProjectSession,
  openAssets: ReadonlySet<string>,
): RestoredSession {
  const { steps, position } = saved.history;
  const valid = (state: Root): boolean => validDocument(state.document, openAssets);
  const now: Root = { document };
  let oldest = position;
  for (let i = position - 1, state = now; i >= 0; i--) {
    const step = steps[i] as SavedHistoryStep;
    const before = replay(state, step.inversePatches);
    if (before === null || !valid(before) || !same(replay(before, step.patches), state)) break;
    state = before;
    oldest = i;
  }
  let newest = position;
  for (let i = position, state = now; i < steps.length; i++) {
    const step = steps[i] as SavedHistoryStep;
    const after = replay(state, step.patches);
    if (after === null || !valid(after) || !same(replay(after, step.inversePatches), state)) break;
    state = after;
    newest = i + 1;
  }
  const kept = steps.slice(oldest, newest).map((step) => ({
    label: step.label,
    commandId: step.commandId,
    patches: step.patches,
    inversePatches: step.inversePatches,
  }));
  return {
    session: {
      viewport: { ...saved.viewport },
      brushSizes: { ...saved.brushSizes },
      color: saved.color,
      recentColors: [...saved.recentColors],
    },
    steps: kept,
    position: position - oldest,
    dropped: steps.length - kept.length,
  };
}

interface Root {
  readonly document: FaceDocument;
}

function replay(state: Root, patches: readonly unknown[]): Root | null {
  try {
    return applyPatches(state, patches as Patch[]);
  } catch {
    return null;
  }
}

function same(a: Root | null, b: Root): boolean {
  return a !== null && deepEqual(a.document, b.document);
}

/** Plain JSON data equal (object key order ignored; a key holding undefined is no key). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = (value: object) =>
    Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const ka = keys(a);
  if (ka.length !== keys(b).length) return false;
  return ka.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function validDocument(document: unknown, openAssets: ReadonlySet<string>): boolean {
  const parsed = FaceDocumentSchema.safeParse(document);
  if (!parsed.success) return false;
  const { photo, layers } = parsed.data;
  return (
    openAssets.has(photo.assetId) &&
    layers.every((layer) => layer.kind !== 'pasted-region' || openAssets.has(layer.sourceAssetId))
  );
}

function savedPatch(patch: Patch): SavedHistoryStep['patches'][number] {
  return patch.value !== undefined
    ? { op: patch.op, path: [...patch.path], value: patch.value as unknown }
    : { op: patch.op, path: [...patch.path] };
}
