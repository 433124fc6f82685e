/** The general eraser: removing strokes and cutting them where the eraser crosses. */
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../../shared/document';
import { addPastedRegion } from '../../../renderer/editor/commands/add-pasted-region';
import { cutStroke, eraseFromStrokes } from '../../../renderer/editor/geometry/erase-strokes';
import { setActiveLayer } from '../../../renderer/editor/commands/set-active-layer';
import { setBrushSize } from '../../../renderer/editor/commands/set-brush-size';
import { TestEditor } from './test-editor';

const line = (id: string, from: [number, number], to: [number, number]): Stroke => ({
  id,
  tool: 'paint',
  points: [
    { x: from[0], y: from[1], pressure: 1 },
    { x: to[0], y: to[1], pressure: 1 },
  ],
  width: 2,
});

const counter = () => {
  let n = 0;
  return () => `piece-${++n}`;
};

describe('cutStroke', () => {
  it('splits a long two-point line where a vertical eraser crosses its middle', () => {
    const pieces = cutStroke(
      line('s', [0, 0], [100, 0]),
      {
        points: [
          { x: 50, y: -20 },
          { x: 50, y: 20 },
        ],
        width: 10,
      },
      counter(),
    );
    expect(pieces?.map((piece) => piece.id)).toEqual(['s', 'piece-1']);
    const [left, right] = pieces ?? [];
    // The cut lands within a quarter eraser width (2.5 px) of the eraser's edge at 45 and 55.
    expect(left?.points[0]?.x).toBe(0);
    expect(left?.points.at(-1)?.x).toBeGreaterThanOrEqual(42.5);
    expect(left?.points.at(-1)?.x).toBeLessThan(45);
    expect(right?.points[0]?.x).toBeGreaterThan(55);
    expect(right?.points[0]?.x).toBeLessThanOrEqual(57.5);
    expect(right?.points.at(-1)?.x).toBe(100);
  });

  it('shortens a stroke erased at one end, keeping its id, width and color', () => {
    const stroke = { ...line('c', [0, 0], [100, 0]), color: '#123456', width: 7 };
    const pieces = cutStroke(stroke, { points: [{ x: 100, y: 0 }], width: 40 }, counter());
    expect(pieces).toHaveLength(1);
    expect(pieces?.[0]).toMatchObject({ id: 'c', color: '#123456', width: 7 });
    expect(pieces?.[0]?.points.at(-1)?.x).toBeLessThan(80);
  });

  it('removes a stroke the eraser covers entirely', () => {
    expect(
      cutStroke(line('s', [0, 0], [10, 0]), { points: [{ x: 5, y: 0 }], width: 30 }, counter()),
    ).toEqual([]);
  });

  it('returns null for a stroke the eraser does not reach', () => {
    const stroke = line('s', [0, 0], [100, 0]);
    expect(cutStroke(stroke, { points: [{ x: 50, y: 20 }], width: 10 }, counter())).toBeNull();
  });

  it('interpolates pressure at the cut', () => {
    const stroke: Stroke = {
      id: 's',
      tool: 'paint',
      width: 4,
      points: [
        { x: 0, y: 0, pressure: 0 },
        { x: 100, y: 0, pressure: 1 },
      ],
    };
    const [left] =
      cutStroke(
        stroke,
        {
          points: [
            { x: 60, y: -9 },
            { x: 60, y: 9 },
          ],
          width: 4,
        },
        counter(),
      ) ?? [];
    const end = left?.points.at(-1);
    expect(end?.pressure).toBeCloseTo((end?.x ?? 0) / 100, 9);
  });
});

describe('eraseFromStrokes', () => {
  it('returns the very same array when nothing is touched, so immer records nothing', () => {
    const strokes = [line('a', [0, 0], [10, 0]), line('b', [0, 50], [10, 50])];
    expect(eraseFromStrokes(strokes, { points: [{ x: 500, y: 500 }], width: 10 }, counter())).toBe(
      strokes,
    );
  });

  it('keeps untouched strokes as the same objects and order', () => {
    const strokes = [line('a', [0, 0], [100, 0]), line('b', [0, 50], [10, 50])];
    const result = eraseFromStrokes(strokes, { points: [{ x: 50, y: 0 }], width: 10 }, counter());
    expect(result.map((stroke) => stroke.id)).toEqual(['a', 'piece-1', 'b']);
    expect(result[2]).toBe(strokes[1]);
  });
});

describe('the eraser tool', () => {
  it('cuts a sketch stroke in two as one "Erase on Sketch" step, and undo restores it', () => {
    const t = new TestEditor();
    t.press('S').drag([100, 100], [300, 100]);
    const original = t.strokes('sketch')[0];

    t.editor.run(setBrushSize, { family: 'eraser', size: 20 });
    t.press('E').drag([200, 50], [200, 150]);
    expect(t.strokes('sketch').map((stroke) => stroke.id)).toEqual(['stroke-1', 'stroke-2']);
    expect(t.history()).toEqual({ undo: ['Sketch stroke', 'Erase on Sketch'], redo: [] });
    expect(t.commits.at(-1)).toEqual({ toolId: 'eraser', layerId: 'layer-sketch' });

    t.press('Mod+Z');
    expect(t.strokes('sketch')).toEqual([original]);
    expect(t.history()).toEqual({ undo: ['Sketch stroke'], redo: ['Erase on Sketch'] });
    t.press('Mod+Shift+Z');
    expect(t.strokes('sketch')).toHaveLength(2);
  });

  it('erases on the active layer only', () => {
    const t = new TestEditor();
    t.press('B').drag([100, 100], [300, 100]);
    t.press('S').drag([100, 100], [300, 100]);
    // Selecting the sketch pen made the sketch layer active; the mask stays untouched.
    t.press('E').drag([200, 50], [200, 150]);
    expect(t.strokes('sketch')).toHaveLength(2);
    expect(t.strokes('mask')).toHaveLength(1);

    t.editor.run(setActiveLayer, 'layer-mask');
    t.drag([150, 50], [150, 150]);
    expect(t.strokes('mask')).toHaveLength(2);
    expect(t.history().undo).toEqual([
      'Mask stroke',
      'Sketch stroke',
      'Erase on Sketch',
      'Erase on Mask',
    ]);
  });

  it('records nothing and asks for no synthesis when it misses every stroke', () => {
    const t = new TestEditor();
    t.press('S').drag([100, 100], [300, 100]);
    const requests = [...t.synthesisRequests];
    t.press('E').drag([600, 600], [650, 650]);
    expect(t.history().undo).toEqual(['Sketch stroke']);
    expect(t.synthesisRequests).toEqual(requests);
    expect(t.commits).toHaveLength(1);
  });

  it('removes a whole iris mark it touches', () => {
    const t = new TestEditor();
    t.press('I').drag([400, 300]);
    t.press('I').drag([600, 300]);
    t.press('E').drag([395, 330], [405, 330]);
    expect(t.layer('iris').marks.map((mark) => mark.center)).toEqual([{ x: 600, y: 300 }]);
    expect(t.history().undo).toEqual(['Iris', 'Iris', 'Erase on Iris']);
  });

  it('cuts a pasted region in its own coordinates', () => {
    const t = new TestEditor();
    t.editor.run(addPastedRegion, {
      sourceAssetId: 'photo-donor',
      channels: {
        mask: [],
        sketch: [line('r1', [0, 0], [100, 0])],
        color: [],
      },
      transform: { x: 200, y: 200, scale: 2, angle: 0 },
    });
    // Region x 50 is photo x 300; a 20 px photo eraser is 10 px in the region.
    t.editor.run(setBrushSize, { family: 'eraser', size: 20 });
    t.press('E').drag([300, 150], [300, 250]);
    const region = t.document.layers.find((layer) => layer.kind === 'pasted-region');
    const pieces = region?.kind === 'pasted-region' ? region.channels.sketch : [];
    expect(pieces).toHaveLength(2);
    expect(pieces[0]?.points.at(-1)?.x).toBeGreaterThan(42);
    expect(pieces[0]?.points.at(-1)?.x).toBeLessThan(45);
    expect(t.history().undo).toEqual(['Paste region', 'Erase on Region 1']);
  });
});
