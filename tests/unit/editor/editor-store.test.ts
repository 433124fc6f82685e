/** The store's own guarantees, independent of any one command. */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/document';
import { EditorStore } from '../../../renderer/editor/store/editor-store';
import { TEST_PHOTO } from './test-editor';

function store(): EditorStore {
  return new EditorStore(createEmptyDocument(TEST_PHOTO, 7));
}

describe('EditorStore', () => {
  it('refuses a change declared "ignore" that touches the document, and applies nothing', () => {
    const editor = store();
    const before = editor.state;
    expect(() =>
      editor.change({ label: 'Sneaky', commandId: 'sneaky', history: 'ignore' }, (draft) => {
        draft.document.seed = 99;
      }),
    ).toThrow(/"sneaky" changes the document but declares history "ignore"/);
    expect(editor.state).toBe(before);
  });

  it('records only the document part of a change', () => {
    const editor = store();
    editor.change({ label: 'Both', commandId: 'both', history: 'record' }, (draft) => {
      draft.document.seed = 1;
      draft.session.color = '#000000';
    });
    const [entry] = editor.history.undoEntries;
    expect(entry?.patches.map((patch) => patch.path)).toEqual([['document', 'seed']]);

    editor.undo();
    expect(editor.state.document.seed).toBe(7);
    // The session is not history: undo leaves it.
    expect(editor.state.session.color).toBe('#000000');
  });

  it('records no step for a recorded command that changed only the session', () => {
    const editor = store();
    editor.change({ label: 'Tool', commandId: 'tool', history: 'record' }, (draft) => {
      draft.session.tool = 'eraser';
    });
    expect(editor.history.undoEntries).toEqual([]);
  });

  it('reports a change that changed nothing as unchanged, and stays silent', () => {
    const editor = store();
    let notified = 0;
    editor.changed.subscribe(() => (notified += 1));
    const outcome = editor.change(
      { label: 'Noop', commandId: 'noop', history: 'record' },
      (draft) => {
        draft.document.seed = 7;
      },
    );
    expect(outcome).toEqual({ status: 'unchanged' });
    expect(notified).toBe(0);
    expect(editor.revision).toBe(1);
  });

  it('starts a new revision and an empty history for another document', () => {
    const editor = store();
    const revisions: number[] = [];
    editor.synthesisNeeded.subscribe((revision) => revisions.push(revision));
    editor.change({ label: 'Seed', commandId: 'seed', history: 'record' }, (draft) => {
      draft.document.seed = 8;
    });
    editor.replaceDocument(createEmptyDocument({ ...TEST_PHOTO, assetId: 'photo-other' }));
    expect(revisions).toEqual([2, 3]);
    expect(editor.history.undoEntries).toEqual([]);
    expect(editor.state.document.photo.assetId).toBe('photo-other');
  });
});
