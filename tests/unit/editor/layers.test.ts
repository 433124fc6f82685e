/** Layer switches and layer edits, and what each does to the two history stacks. */
import { describe, expect, it } from 'vitest';
import { addPastedRegion } from '../../../renderer/editor/commands/add-pasted-region';
import { clearLayer } from '../../../renderer/editor/commands/clear-layer';
import { removeLayer } from '../../../renderer/editor/commands/remove-layer';
import { renameLayer } from '../../../renderer/editor/commands/rename-layer';
import { setLayerLocked } from '../../../renderer/editor/commands/set-layer-locked';
import { setLayerOpacity } from '../../../renderer/editor/commands/set-layer-opacity';
import { setLayerVisibility } from '../../../renderer/editor/commands/set-layer-visibility';
import { setRegionTransform } from '../../../renderer/editor/commands/set-region-transform';
import { TestEditor } from './test-editor';

const sketch = 'layer-sketch';

describe('visibility', () => {
  it('is recorded but keeps the redo stack', () => {
    const t = new TestEditor();
    t.press('S').drag([10, 10], [50, 10]);
    t.drag([10, 30], [50, 30]);
    t.press('Mod+Z');
    expect(t.history()).toEqual({ undo: ['Sketch stroke'], redo: ['Sketch stroke'] });

    t.editor.run(setLayerVisibility, { layerId: sketch, visible: false });
    expect(t.layer('sketch').visible).toBe(false);
    expect(t.history()).toEqual({
      undo: ['Sketch stroke', 'Hide Sketch'],
      redo: ['Sketch stroke'],
    });

    t.press('Mod+Shift+Z');
    expect(t.strokes('sketch')).toHaveLength(2);
    expect(t.layer('sketch').visible).toBe(false);
    expect(t.history()).toEqual({
      undo: ['Sketch stroke', 'Hide Sketch', 'Sketch stroke'],
      redo: [],
    });

    t.press('Mod+Z').press('Mod+Z');
    expect(t.layer('sketch').visible).toBe(true);
    expect(t.strokes('sketch')).toHaveLength(1);
  });

  it('setting the visibility it already has is no step', () => {
    const t = new TestEditor();
    expect(t.editor.run(setLayerVisibility, { layerId: sketch, visible: true })).toEqual({
      status: 'unchanged',
    });
    expect(t.history().undo).toEqual([]);
  });

  it('works on a locked layer', () => {
    const t = new TestEditor();
    t.editor.run(setLayerLocked, { layerId: sketch, locked: true });
    expect(t.editor.run(setLayerVisibility, { layerId: sketch, visible: false }).status).toBe(
      'applied',
    );
  });
});

describe('opacity', () => {
  it('keeps redo, and a slider drag merges into one step', () => {
    const t = new TestEditor();
    t.press('S').drag([10, 10], [50, 10]);
    t.press('Mod+Z');
    t.editor.run(setLayerOpacity, { layerId: sketch, opacity: 0.9 });
    t.editor.run(setLayerOpacity, { layerId: sketch, opacity: 0.6 }, { merge: true });
    t.editor.run(setLayerOpacity, { layerId: sketch, opacity: -4 }, { merge: true });
    expect(t.layer('sketch').opacity).toBe(0);
    expect(t.history()).toEqual({ undo: ['Sketch opacity'], redo: ['Sketch stroke'] });

    t.press('Mod+Z');
    expect(t.layer('sketch').opacity).toBe(1);
  });
});

describe('lock', () => {
  it('keeps redo, refuses content edits, and still allows the switches', () => {
    const t = new TestEditor();
    t.press('S').drag([10, 10], [50, 10]);
    t.press('Mod+Z');
    t.editor.run(setLayerLocked, { layerId: sketch, locked: true });
    expect(t.history()).toEqual({ undo: ['Lock Sketch'], redo: ['Sketch stroke'] });

    expect(t.editor.run(clearLayer, { layerId: sketch })).toEqual({
      status: 'refused',
      reason: 'the Sketch layer is locked',
    });
    t.press('S').drag([10, 40], [50, 40]);
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.history()).toEqual({ undo: ['Lock Sketch'], redo: ['Sketch stroke'] });
  });
});

describe('rename', () => {
  it('is an ordinary step (redo cleared) that does not ask for synthesis', () => {
    const t = new TestEditor();
    t.press('S').drag([10, 10], [50, 10]);
    t.press('Mod+Z');
    const requests = [...t.synthesisRequests];
    t.editor.run(renameLayer, { layerId: sketch, name: '  Eyebrows ' });
    expect(t.layer('sketch').name).toBe('Eyebrows');
    expect(t.history()).toEqual({ undo: ['Rename Sketch'], redo: [] });
    expect(t.synthesisRequests).toEqual(requests);
  });

  it('refuses an empty name', () => {
    const t = new TestEditor();
    expect(t.editor.run(renameLayer, { layerId: sketch, name: '   ' }).status).toBe('refused');
    expect(t.layer('sketch').name).toBe('Sketch');
  });
});

describe('clear', () => {
  it('empties a layer in one step; clearing an empty layer is no step', () => {
    const t = new TestEditor();
    t.press('S').drag([10, 10], [50, 10]);
    t.drag([10, 30], [50, 30]);
    t.editor.run(clearLayer, { layerId: sketch });
    expect(t.strokes('sketch')).toEqual([]);
    t.editor.run(clearLayer, { layerId: sketch });
    expect(t.history().undo).toEqual(['Sketch stroke', 'Sketch stroke', 'Clear Sketch']);
    t.press('Mod+Z');
    expect(t.strokes('sketch')).toHaveLength(2);
  });
});

describe('pasted regions', () => {
  const region = {
    sourceAssetId: 'photo-donor',
    channels: { mask: [], sketch: [], color: [] },
    transform: { x: 100, y: 100, scale: 2, angle: 0 },
  };

  it('go below the iris layer, become active and take the drawing tools in their own coordinates', () => {
    const t = new TestEditor();
    t.editor.run(addPastedRegion, region);
    expect(t.document.layers.map((layer) => layer.kind)).toEqual([
      'mask',
      'color',
      'sketch',
      'pasted-region',
      'iris',
    ]);
    expect(t.session.activeLayerId).toBe('layer-1');

    t.press('S').drag([120, 100], [140, 110]);
    const added = t.document.layers[3];
    expect(added?.kind === 'pasted-region' && added.channels.sketch[0]).toMatchObject({
      width: 1.5,
      points: [
        { x: 10, y: 0 },
        { x: 20, y: 5 },
      ],
    });
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.history().undo).toEqual(['Paste region', 'Sketch stroke on Region 1']);
  });

  it('move by their transform and can be deleted; base layers cannot', () => {
    const t = new TestEditor();
    t.editor.run(addPastedRegion, region);
    t.editor.run(setRegionTransform, {
      layerId: 'layer-1',
      transform: { x: 300, y: 120, scale: 1, angle: 10 },
    });
    expect(t.document.layers[3]).toMatchObject({
      transform: { x: 300, y: 120, scale: 1, angle: 10 },
    });
    expect(t.editor.run(removeLayer, { layerId: 'layer-mask' })).toEqual({
      status: 'refused',
      reason: 'the only mask layer cannot be deleted',
    });
    t.editor.run(removeLayer, { layerId: 'layer-1' });
    expect(t.document.layers).toHaveLength(4);
    expect(t.session.activeLayerId).toBe('layer-mask');
    expect(t.history().undo).toEqual(['Paste region', 'Place Region 1', 'Delete Region 1']);

    t.press('Mod+Z');
    expect(t.document.layers).toHaveLength(5);
  });

  it('undoing the paste moves the active layer back to one that exists', () => {
    const t = new TestEditor();
    t.editor.run(addPastedRegion, region);
    t.press('Mod+Z');
    expect(t.document.layers).toHaveLength(4);
    expect(t.session.activeLayerId).toBe('layer-mask');
  });
});
