/**
 * The editing session a project keeps (issue 17): what the editor saves of its view, brushes,
 * colours and undo history, and how a reopened project replays that history before trusting it.
 */
import { describe, expect, it } from 'vitest';
import { ProjectSessionSchema, type ProjectSession } from '../../../shared/project/project-session';
import { sessionToSave } from '../../../renderer/editor/state/saved-session';
import { TEST_PHOTO, TestEditor } from './test-editor';

/** What goes through the file: JSON, then the loader's schema. */
function throughFile(session: ProjectSession): ProjectSession {
  return ProjectSessionSchema.parse(JSON.parse(JSON.stringify(session)));
}

function editedEditor(): TestEditor {
  const t = new TestEditor();
  t.press('B').drag([300, 300], [380, 320]);
  t.press('S').drag([320, 300], [360, 280], [400, 300]);
  t.press('S').drag([320, 340], [400, 340]);
  t.editor.undo(); // the last sketch stroke becomes a redo step
  t.press(']').press(']');
  return t;
}

describe('the saved editing session', () => {
  it('reopens with the same view, brushes, colours and undo/redo steps, at the saved state', () => {
    const t = editedEditor();
    const saved = throughFile(t.editor.savedSession());
    expect(saved.history.steps.map((step) => step.label)).toHaveLength(3);
    expect(saved.history.position).toBe(2);

    const reopened = new TestEditor({ document: t.document });
    const dropped = reopened.editor.restoreSession(saved, new Set([TEST_PHOTO.assetId]));
    expect(dropped).toBe(0);
    expect(reopened.history()).toEqual(t.history());
    expect(reopened.session.brushSizes).toEqual(t.session.brushSizes);
    expect(reopened.session.viewport).toEqual(t.session.viewport);
    expect(reopened.editor.hasUnsavedChanges).toBe(false);

    // Undo and redo walk the same documents as in the editor that saved them.
    const states = (e: TestEditor) => {
      const out = [e.document];
      while (e.editor.undo()) out.push(e.document);
      while (e.editor.redo()) out.push(e.document);
      return out.map((d) => JSON.stringify(d));
    };
    expect(states(reopened)).toEqual(states(t));
  });

  it('keeps at most 200 steps, the newest', () => {
    const t = new TestEditor();
    t.press('S');
    for (let i = 0; i < 230; i++) t.drag([100 + i, 100], [100 + i, 140]);
    const saved = throughFile(t.editor.savedSession());
    expect(saved.history.steps).toHaveLength(200);
    const reopened = new TestEditor({ document: t.document });
    reopened.editor.restoreSession(saved, new Set([TEST_PHOTO.assetId]));
    let undone = 0;
    while (reopened.editor.undo()) undone++;
    expect(undone).toBe(200);
    expect(reopened.strokes('sketch')).toHaveLength(30);
  });

  it('a step that does not replay ends the history there; the newer steps still undo', () => {
    const t = editedEditor();
    const saved = throughFile(t.editor.savedSession());
    // The oldest step's inverse now points at a layer index that does not exist.
    const broken: ProjectSession = {
      ...saved,
      history: {
        ...saved.history,
        steps: saved.history.steps.map((step, i) =>
          i === 0
            ? {
                ...step,
                inversePatches: [
                  { op: 'replace', path: ['document', 'layers', 99, 'name'], value: 'x' },
                ],
              }
            : step,
        ),
      },
    };
    const reopened = new TestEditor({ document: t.document });
    expect(reopened.editor.restoreSession(broken, new Set([TEST_PHOTO.assetId]))).toBe(1);
    expect(reopened.history().undo).toHaveLength(1);
    expect(reopened.history().redo).toHaveLength(1);
    expect(reopened.editor.undo()).toBe(true);
    expect(reopened.editor.undo()).toBe(false);
  });

  it('a step that would bring back a photo that is not open is left out', () => {
    const t = editedEditor();
    const saved = throughFile(t.editor.savedSession());
    const reopened = new TestEditor({ document: t.document });
    // None of the document's photos is open: every step would lead to a document without one.
    expect(reopened.editor.restoreSession(saved, new Set(['some-other-photo']))).toBe(3);
    expect(reopened.history()).toEqual({ undo: [], redo: [] });
    // The view and brushes still come back.
    expect(reopened.session.brushSizes).toEqual(t.session.brushSizes);
  });

  it('the loader refuses a session that would change more than the document', () => {
    const saved = editedEditor().editor.savedSession();
    const hostile = {
      ...saved,
      history: {
        position: 1,
        steps: [
          {
            label: 'x',
            commandId: 'x',
            patches: [{ op: 'replace', path: ['session', 'tool'], value: 'pan' }],
            inversePatches: [],
          },
        ],
      },
    };
    expect(ProjectSessionSchema.safeParse(hostile).success).toBe(false);
    expect(
      ProjectSessionSchema.safeParse({ ...saved, history: { steps: [], position: 3 } }).success,
    ).toBe(false);
  });
});

describe('a step the file could not hold', () => {
  it('ends the saved history there instead of failing the save', () => {
    const t = editedEditor();
    const entry = (id: number, label: string, depth = 3) => ({
      id,
      label,
      commandId: 'x',
      patches: [
        { op: 'replace' as const, path: ['document', ...Array(depth).fill('a')], value: 1 },
      ],
      inversePatches: [],
    });
    const saved = sessionToSave(t.session, {
      undoEntries: [
        entry(1, 'old'),
        entry(2, 'too deep', 40),
        entry(3, 'newer'),
        entry(4, 'newest'),
      ],
      redoEntries: [entry(5, 'redo'), entry(6, 'too deep again', 40), entry(7, 'later redo')],
    });
    expect(saved.history.steps.map((step) => step.label)).toEqual(['newer', 'newest', 'redo']);
    expect(saved.history.position).toBe(2);
    expect(ProjectSessionSchema.safeParse(saved).success).toBe(true);
  });
});
