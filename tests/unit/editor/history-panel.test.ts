/** What a history panel needs: steps by name, a position, jumps, and the unsaved-work flag. */
import { describe, expect, it } from 'vitest';
import { setLayerVisibility } from '../../../renderer/editor/commands/set-layer-visibility';
import { TestEditor } from './test-editor';

function threeSteps(): TestEditor {
  const t = new TestEditor();
  t.press('B').drag([300, 300], [350, 300]);
  t.press('S').drag([300, 320], [350, 320]);
  t.press('I').drag([400, 300]);
  return t;
}

describe('the history panel', () => {
  it('lists every step by name with the applied position', () => {
    const t = threeSteps();
    t.press('Mod+Z');
    expect(t.editor.history.steps.map((step) => step.label)).toEqual([
      'Mask stroke',
      'Sketch stroke',
      'Iris',
    ]);
    expect(t.editor.history.position).toBe(2);
  });

  it('jumps back to any step and forward again', () => {
    const t = threeSteps();
    t.editor.jumpTo(1);
    expect(t.history()).toEqual({ undo: ['Mask stroke'], redo: ['Sketch stroke', 'Iris'] });
    expect(t.strokes('mask')).toHaveLength(1);
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.layer('iris').marks).toEqual([]);

    t.editor.jumpTo(0);
    expect(t.strokes('mask')).toEqual([]);

    t.editor.jumpTo(3);
    expect(t.history()).toEqual({ undo: ['Mask stroke', 'Sketch stroke', 'Iris'], redo: [] });
    expect(t.layer('iris').marks).toHaveLength(1);
    expect(t.editor.jumpTo(3)).toBe(false);
  });

  it('step ids stay stable across undo and redo (for list keys)', () => {
    const t = threeSteps();
    const ids = t.editor.history.steps.map((step) => step.id);
    t.editor.jumpTo(0);
    t.editor.jumpTo(3);
    expect(t.editor.history.steps.map((step) => step.id)).toEqual(ids);
  });
});

describe('unsaved work', () => {
  it('is flagged after any recorded change and cleared by saving or by undoing back to the save', () => {
    const t = new TestEditor();
    expect(t.editor.hasUnsavedChanges).toBe(false);
    t.press('S').drag([10, 10], [50, 10]);
    expect(t.editor.hasUnsavedChanges).toBe(true);
    t.editor.markSaved();
    expect(t.editor.hasUnsavedChanges).toBe(false);

    t.editor.run(setLayerVisibility, { layerId: 'layer-sketch', visible: false });
    expect(t.editor.hasUnsavedChanges).toBe(true);
    t.press('Mod+Z');
    expect(t.editor.hasUnsavedChanges).toBe(false);
  });

  it('is not raised by the viewport, tools or colors', () => {
    const t = new TestEditor();
    t.press('S').press(']').keyDown('Space').dragInView([0, 0], [20, 20]).keyUp('Space');
    expect(t.editor.hasUnsavedChanges).toBe(false);
  });
});
