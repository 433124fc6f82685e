/** Drawing tools: one stroke is one step, cancel leaves nothing, undo waits for the stroke. */
import { describe, expect, it } from 'vitest';
import { selectTool } from '../../../renderer/editor/commands/select-tool';
import { setColor } from '../../../renderer/editor/commands/set-color';
import { setLayerLocked } from '../../../renderer/editor/commands/set-layer-locked';
import { setLayerVisibility } from '../../../renderer/editor/commands/set-layer-visibility';
import { TestEditor } from './test-editor';

describe('drawing a stroke', () => {
  it('records one named step per stroke, however many points the drag had', () => {
    const t = new TestEditor();
    t.press('S').drag([100, 100], [110, 100], [120, 104], [130, 110], [140, 120]);

    expect(t.strokes('sketch')).toHaveLength(1);
    expect(t.strokes('sketch')[0]?.points.map((p) => [p.x, p.y])).toEqual([
      [100, 100],
      [110, 100],
      [120, 104],
      [130, 110],
      [140, 120],
    ]);
    expect(t.history()).toEqual({ undo: ['Sketch stroke'], redo: [] });

    t.press('B').drag([300, 300], [350, 300]);
    t.press('C').drag([400, 400], [420, 400]);
    expect(t.history()).toEqual({
      undo: ['Sketch stroke', 'Mask stroke', 'Color stroke'],
      redo: [],
    });
  });

  it('undoes and redoes whole strokes, each on both stacks', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    t.press('S').drag([100, 100], [140, 120]);

    t.press('Mod+Z');
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.strokes('mask')).toHaveLength(1);
    expect(t.history()).toEqual({ undo: ['Mask stroke'], redo: ['Sketch stroke'] });

    t.press('Mod+Z');
    expect(t.strokes('mask')).toEqual([]);
    expect(t.history()).toEqual({ undo: [], redo: ['Mask stroke', 'Sketch stroke'] });

    t.press('Mod+Shift+Z');
    expect(t.strokes('mask')).toHaveLength(1);
    expect(t.history()).toEqual({ undo: ['Mask stroke'], redo: ['Sketch stroke'] });

    t.press('Ctrl+Y');
    expect(t.strokes('sketch')).toHaveLength(1);
    expect(t.history()).toEqual({ undo: ['Mask stroke', 'Sketch stroke'], redo: [] });
  });

  it('a new stroke after undo clears the redo stack', () => {
    const t = new TestEditor();
    t.press('S').drag([100, 100], [140, 120]);
    t.press('Mod+Z');
    t.drag([200, 200], [240, 220]);
    expect(t.history()).toEqual({ undo: ['Sketch stroke'], redo: [] });
    expect(t.strokes('sketch')[0]?.points[0]).toMatchObject({ x: 200, y: 200 });
  });

  it('keeps the points out of the store until pointer-up, showing them as a preview', () => {
    const t = new TestEditor();
    t.press('S').pointerDown([100, 100]).pointerMove([120, 100]).pointerMove([140, 100]);

    expect(t.strokes('sketch')).toEqual([]);
    expect(t.history()).toEqual({ undo: [], redo: [] });
    const preview = t.editor.preview;
    expect(preview?.kind).toBe('stroke');
    expect(preview?.kind === 'stroke' && preview.stroke.points.length).toBe(3);

    t.pointerUp([160, 100]);
    expect(t.editor.preview).toBeNull();
    expect(t.strokes('sketch')[0]?.points).toHaveLength(4);
  });

  it('cancels with Escape: no stroke, no step, no commit, no synthesis', () => {
    const t = new TestEditor();
    t.press('B').pointerDown([100, 100]).pointerMove([150, 100]).escape();
    t.pointerUp([200, 100]);

    expect(t.strokes('mask')).toEqual([]);
    expect(t.history()).toEqual({ undo: [], redo: [] });
    expect(t.commits).toEqual([]);
    expect(t.synthesisRequests).toEqual([]);
    expect(t.editor.preview).toBeNull();
  });

  it('refuses undo and redo while a stroke is being drawn', () => {
    const t = new TestEditor();
    t.press('S').drag([10, 10], [50, 10]);
    t.drag([10, 30], [50, 30]);
    t.press('Mod+Z');
    expect(t.history()).toEqual({ undo: ['Sketch stroke'], redo: ['Sketch stroke'] });

    t.pointerDown([10, 60]).pointerMove([30, 60]);
    expect(t.editor.canUndo).toBe(false);
    expect(t.editor.canRedo).toBe(false);
    t.press('Mod+Z').press('Mod+Shift+Z');
    expect(t.editor.undo()).toBe(false);
    expect(t.editor.jumpTo(0)).toBe(false);
    expect(t.strokes('sketch')).toHaveLength(1);

    t.pointerUp([50, 60]);
    expect(t.editor.canUndo).toBe(true);
    expect(t.history()).toEqual({ undo: ['Sketch stroke', 'Sketch stroke'], redo: [] });
  });

  it('ignores other shortcuts during a stroke, so the stroke ends in the tool that began it', () => {
    const t = new TestEditor();
    t.press('S').pointerDown([10, 10]).pointerMove([30, 10]);
    t.press('B').press(']');
    t.pointerUp([50, 10]);
    expect(t.session.tool).toBe('sketch-pen');
    expect(t.strokes('sketch')).toHaveLength(1);
    expect(t.strokes('mask')).toEqual([]);
  });

  it('drops a gesture when the UI switches tools in the middle of it', () => {
    const t = new TestEditor();
    t.press('S').pointerDown([10, 10]).pointerMove([30, 10]);
    t.editor.run(selectTool, 'mask-brush');
    t.pointerUp([50, 10]);
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.history().undo).toEqual([]);
  });

  it('signals the committed stroke, which is what asks for synthesis', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    const stroke = t.strokes('mask')[0];
    expect(t.commits).toEqual([
      { toolId: 'mask-brush', layerId: 'layer-mask', itemId: stroke?.id },
    ]);
    expect(t.synthesisRequests).toEqual([2]);
  });

  it('drops points closer than half a pixel, keeping where the pen lifted', () => {
    const t = new TestEditor();
    t.press('S').pointerDown([100, 100]);
    for (let step = 1; step <= 40; step += 1) t.pointerMove([100 + step * 0.1, 100]);
    t.pointerUp([104.05, 100]);

    const xs = t.strokes('sketch')[0]?.points.map((point) => point.x) ?? [];
    expect(xs[0]).toBe(100);
    expect(xs.at(-1)).toBe(104.05);
    for (let index = 1; index < xs.length; index += 1) {
      expect((xs[index] ?? 0) - (xs[index - 1] ?? 0)).toBeGreaterThanOrEqual(0.5);
    }
    expect(xs.length).toBeLessThanOrEqual(9);
  });

  it('keeps a click as a one-point dot', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300]);
    expect(t.strokes('mask')[0]?.points).toEqual([{ x: 300, y: 300, pressure: 1 }]);
  });
});

describe('what each drawing tool writes', () => {
  it('mask brush and mask eraser share a size; the eraser writes erase strokes into the mask', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    t.press('Shift+B').drag([320, 300], [330, 300]);
    expect(t.strokes('mask').map((stroke) => [stroke.tool, stroke.width])).toEqual([
      ['paint', 50],
      ['erase', 50],
    ]);
    expect(t.history().undo).toEqual(['Mask stroke', 'Mask erase']);
  });

  it('the sketch pen is thin and follows pen pressure; a mouse draws at full width', () => {
    const t = new TestEditor();
    t.press('S');
    expect(t.session.brushSizes.sketch).toBe(3);

    t.usePointer({ pointerType: 'pen' })
      .pointerDown([10, 10], { pressure: 0 })
      .pointerMove([20, 10], { pressure: 0.5 })
      .pointerUp([30, 10], { pressure: 1 });
    expect(t.strokes('sketch')[0]?.points.map((point) => point.pressure)).toEqual([0.25, 0.625, 1]);

    t.usePointer({ pointerType: 'mouse' }).drag([10, 40], [30, 40]);
    expect(t.strokes('sketch')[1]?.points.map((point) => point.pressure)).toEqual([1, 1]);
  });

  it('the sketch eraser writes erase strokes into the sketch, at the eraser size', () => {
    const t = new TestEditor();
    t.press('Shift+S').drag([10, 10], [30, 10]);
    expect(t.strokes('sketch').map((stroke) => [stroke.tool, stroke.width])).toEqual([
      ['erase', 33.5],
    ]);
    expect(t.history().undo).toEqual(['Sketch erase']);
  });

  it('the color brush paints the current color and remembers it', () => {
    const t = new TestEditor();
    t.editor.run(setColor, '#AA2200');
    t.press('C').drag([10, 10], [30, 10]);
    expect(t.strokes('color')[0]).toMatchObject({ tool: 'paint', color: '#aa2200', width: 25 });
    expect(t.session.recentColors).toEqual(['#aa2200']);
  });

  it('refuses to draw on a locked or hidden layer and says why', () => {
    const t = new TestEditor();
    t.editor.run(setLayerLocked, { layerId: 'layer-sketch', locked: true });
    t.press('S').drag([10, 10], [30, 10]);
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.refusals).toEqual(['the Sketch layer is locked']);

    t.editor.run(setLayerVisibility, { layerId: 'layer-mask', visible: false });
    t.press('B').drag([10, 10], [30, 10]);
    expect(t.strokes('mask')).toEqual([]);
    expect(t.refusals.at(-1)).toBe('the Mask layer is hidden');
    expect(t.history().undo).toEqual(['Lock Sketch', 'Hide Mask']);
  });

  it('brush size steps with [ and ] for the current tool only', () => {
    const t = new TestEditor();
    t.press('B').press(']');
    expect(t.session.brushSizes.mask).toBe(62.5);
    t.press('[').press('[');
    expect(t.session.brushSizes.mask).toBe(40);
    t.press('S').press('[').press('[').press('[').press('[').press('[').press('[').press('[');
    expect(t.session.brushSizes.sketch).toBe(1);
    expect(t.session.brushSizes.mask).toBe(40);
    expect(t.history()).toEqual({ undo: [], redo: [] });
  });
});
