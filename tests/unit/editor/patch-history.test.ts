/**
 * The history stack against a toy store (a counter and a list), independent of the editor: what
 * undo, redo, keep-redo, merging, the size limit and the saved marker do to the two stacks.
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft } from 'immer';
import { describe, expect, it } from 'vitest';
import { PatchHistory } from '../../../renderer/editor/history/patch-history';

enablePatches();

interface Toy {
  readonly count: number;
  readonly items: readonly string[];
  readonly flags: { readonly shown: boolean };
}

class ToyStore {
  state: Toy = { count: 0, items: [], flags: { shown: true } };
  readonly history: PatchHistory;

  constructor(limit?: number) {
    this.history = new PatchHistory(limit);
  }

  change(
    label: string,
    recipe: (draft: Draft<Toy>) => void,
    options: { keepRedo?: boolean; merge?: boolean; commandId?: string } = {},
  ): void {
    const [next, patches, inversePatches] = produceWithPatches(this.state, recipe);
    this.state = next;
    this.history.record({
      label,
      commandId: options.commandId ?? label,
      patches,
      inversePatches,
      keepRedo: options.keepRedo ?? false,
      merge: options.merge ?? false,
    });
  }

  undo(): boolean {
    return this.history.undo(this.apply) !== undefined;
  }

  redo(): boolean {
    return this.history.redo(this.apply) !== undefined;
  }

  stacks(): { undo: string[]; redo: string[] } {
    return {
      undo: this.history.undoEntries.map((entry) => entry.label),
      redo: this.history.redoEntries.map((entry) => entry.label),
    };
  }

  readonly apply = (patches: Parameters<typeof applyPatches>[1]): void => {
    this.state = applyPatches(this.state, patches);
  };
}

const addItem = (item: string) => (draft: Draft<Toy>) => {
  draft.items.push(item);
};

describe('PatchHistory', () => {
  it('undoes and redoes recorded steps in order, moving them between the stacks', () => {
    const store = new ToyStore();
    store.change('add a', addItem('a'));
    store.change('add b', addItem('b'));
    expect(store.stacks()).toEqual({ undo: ['add a', 'add b'], redo: [] });

    expect(store.undo()).toBe(true);
    expect(store.state.items).toEqual(['a']);
    expect(store.stacks()).toEqual({ undo: ['add a'], redo: ['add b'] });

    expect(store.undo()).toBe(true);
    expect(store.state.items).toEqual([]);
    expect(store.stacks()).toEqual({ undo: [], redo: ['add a', 'add b'] });
    expect(store.undo()).toBe(false);

    expect(store.redo()).toBe(true);
    expect(store.state.items).toEqual(['a']);
    expect(store.stacks()).toEqual({ undo: ['add a'], redo: ['add b'] });
  });

  it('clears the redo stack on a new recorded step', () => {
    const store = new ToyStore();
    store.change('add a', addItem('a'));
    store.change('add b', addItem('b'));
    store.undo();
    store.change('add c', addItem('c'));
    expect(store.state.items).toEqual(['a', 'c']);
    expect(store.stacks()).toEqual({ undo: ['add a', 'add c'], redo: [] });
    expect(store.redo()).toBe(false);
  });

  it('keeps the redo stack for a keep-redo step that touches other state', () => {
    const store = new ToyStore();
    store.change('add a', addItem('a'));
    store.undo();
    store.change('hide', (draft) => void (draft.flags.shown = false), { keepRedo: true });
    expect(store.stacks()).toEqual({ undo: ['hide'], redo: ['add a'] });

    store.redo();
    expect(store.state).toEqual({ count: 0, items: ['a'], flags: { shown: false } });
    expect(store.stacks()).toEqual({ undo: ['hide', 'add a'], redo: [] });

    // Unwinding still works in order.
    store.undo();
    store.undo();
    expect(store.state).toEqual({ count: 0, items: [], flags: { shown: true } });
  });

  it('drops the redo stack when a keep-redo step overlaps what a redo step changes', () => {
    const store = new ToyStore();
    store.change('count', (draft) => void (draft.count = 5));
    store.undo();
    store.change('count again', (draft) => void (draft.count = 9), { keepRedo: true });
    // Redoing "count" would silently overwrite 9 with 5.
    expect(store.stacks()).toEqual({ undo: ['count again'], redo: [] });
  });

  it('merges consecutive steps of one command when asked, into one undo step', () => {
    const store = new ToyStore();
    store.change('count', (draft) => void (draft.count = 1), { commandId: 'slider' });
    store.change('count', (draft) => void (draft.count = 2), { commandId: 'slider', merge: true });
    store.change('count', (draft) => void (draft.count = 3), { commandId: 'slider', merge: true });
    expect(store.stacks().undo).toEqual(['count']);
    store.undo();
    expect(store.state.count).toBe(0);
    store.redo();
    expect(store.state.count).toBe(3);
  });

  it('does not merge across an undo, or into a different command', () => {
    const store = new ToyStore();
    store.change('a', addItem('a'), { commandId: 'add' });
    store.change('count', (draft) => void (draft.count = 1), { commandId: 'slider', merge: true });
    expect(store.stacks().undo).toEqual(['a', 'count']);
    store.undo();
    store.redo();
    store.change('count', (draft) => void (draft.count = 2), { commandId: 'slider', merge: true });
    expect(store.stacks().undo).toEqual(['a', 'count', 'count']);
  });

  it('forgets the oldest steps beyond its limit', () => {
    const store = new ToyStore(2);
    store.change('add a', addItem('a'));
    store.change('add b', addItem('b'));
    store.change('add c', addItem('c'));
    expect(store.stacks().undo).toEqual(['add b', 'add c']);
    store.undo();
    store.undo();
    expect(store.undo()).toBe(false);
    expect(store.state.items).toEqual(['a']);
  });

  it('jumps to any position, clamping out-of-range positions', () => {
    const store = new ToyStore();
    for (const item of ['a', 'b', 'c', 'd']) store.change(`add ${item}`, addItem(item));
    expect(store.history.jumpTo(1, store.apply)).toBe(3);
    expect(store.state.items).toEqual(['a']);
    expect(store.stacks()).toEqual({ undo: ['add a'], redo: ['add b', 'add c', 'add d'] });
    store.history.jumpTo(3, store.apply);
    expect(store.state.items).toEqual(['a', 'b', 'c']);
    store.history.jumpTo(99, store.apply);
    expect(store.state.items).toEqual(['a', 'b', 'c', 'd']);
    store.history.jumpTo(-5, store.apply);
    expect(store.state.items).toEqual([]);
  });

  it('knows whether the state is the saved one, through undo and redo', () => {
    const store = new ToyStore();
    expect(store.history.isAtSavedState).toBe(true);
    store.change('add a', addItem('a'));
    expect(store.history.isAtSavedState).toBe(false);
    store.history.markSaved();
    expect(store.history.isAtSavedState).toBe(true);
    store.change('add b', addItem('b'));
    expect(store.history.isAtSavedState).toBe(false);
    store.undo();
    expect(store.history.isAtSavedState).toBe(true);
    store.undo();
    expect(store.history.isAtSavedState).toBe(false);
  });

  it('counts a merge into the saved step as unsaved', () => {
    const store = new ToyStore();
    store.change('count', (draft) => void (draft.count = 1), { commandId: 'slider' });
    store.history.markSaved();
    store.change('count', (draft) => void (draft.count = 2), { commandId: 'slider', merge: true });
    expect(store.history.isAtSavedState).toBe(false);
  });

  it('leaves both stacks alone when the patches fail to apply', () => {
    const store = new ToyStore();
    store.change('add a', addItem('a'));
    expect(() =>
      store.history.undo(() => {
        throw new Error('cannot apply');
      }),
    ).toThrow('cannot apply');
    expect(store.stacks()).toEqual({ undo: ['add a'], redo: [] });
  });
});
