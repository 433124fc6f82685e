/**
 * Commands are small declarative entries (STYLE.md 8): each names itself, says what it does to
 * the history, lists its keyboard shortcuts with the arguments they pass, may refuse with a
 * reason, and performs its change on an immer draft. The editor runs them; the shortcut
 * registry binds their keys; the history panel shows their labels.
 *
 * Two kinds exist. A `change` command edits the state through the store. A `history` command
 * (undo, redo) moves through the history instead; it has no recipe because its change is the
 * recorded patches.
 */
import type { Draft } from 'immer';
import type { DocumentRevision } from '../../../shared/document';
import type { HistoryPolicy } from '../history/history-policy';
import type { EditorState } from '../state/editor-state';

export type ItemKind = 'stroke' | 'layer' | 'iris';

/** What a command may ask of the editor besides the state. */
export interface CommandContext {
  /** The current revision (to refuse stale synthesis results). */
  readonly revision: DocumentRevision;
  /** A fresh id unused in the document. */
  newId(kind: ItemKind): string;
  /** Uniform in [0, 1); injected so tests are reproducible. */
  random(): number;
}

/** A shortcut and, for commands that take arguments, the arguments it passes. */
export type ShortcutSpec<Args> = [Args] extends [void]
  ? { readonly keys: string }
  : { readonly keys: string; readonly args: Args };

export interface ChangeCommand<Args = void> {
  readonly kind: 'change';
  readonly id: string;
  /** The history panel's name for the step; may depend on the arguments and the state. */
  readonly label: string | ((args: Args, state: EditorState) => string);
  readonly history: HistoryPolicy;
  readonly shortcuts?: readonly ShortcutSpec<Args>[];
  /**
   * While this is false the shortcuts are not the editor's: the key keeps its usual meaning in
   * the page (arrows on a focused slider). Absent: always the editor's.
   */
  readonly keysApply?: (state: EditorState) => boolean;
  /** Why the command cannot run now, or null. Checked before anything changes. */
  readonly refusal?: (state: EditorState, args: Args, context: CommandContext) => string | null;
  readonly perform: (draft: Draft<EditorState>, args: Args, context: CommandContext) => void;
}

/** The part of the editor a history command drives. */
export interface HistoryNavigator {
  undo(): boolean;
  redo(): boolean;
}

export interface HistoryCommand {
  readonly kind: 'history';
  readonly id: string;
  readonly label: string;
  readonly shortcuts: readonly ShortcutSpec<void>[];
  readonly perform: (history: HistoryNavigator) => boolean;
}

export type CommandOutcome =
  | { readonly status: 'applied' }
  /** Ran, but changed nothing (an erase that hit no stroke): no step, no revision. */
  | { readonly status: 'unchanged' }
  | { readonly status: 'refused'; readonly reason: string };

export function commandLabel<Args>(
  command: ChangeCommand<Args>,
  args: Args,
  state: EditorState,
): string {
  return typeof command.label === 'string' ? command.label : command.label(args, state);
}

/** Declares a change command with its argument type inferred from `perform`. */
export function defineCommand<Args = void>(
  command: Omit<ChangeCommand<Args>, 'kind'>,
): ChangeCommand<Args> {
  return { kind: 'change', ...command };
}
