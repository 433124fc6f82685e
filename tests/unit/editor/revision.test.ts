/**
 * The revision grows exactly when what the network sees changes, and every growth is announced
 * once through onSynthesisNeeded. Results are accepted only for the current revision.
 */
import { describe, expect, it } from 'vitest';
import { applyResult } from '../../../renderer/editor/commands/apply-result';
import { newSeed } from '../../../renderer/editor/commands/new-seed';
import { panView } from '../../../renderer/editor/commands/pan-view';
import { receiveResult } from '../../../renderer/editor/commands/receive-result';
import { renameLayer } from '../../../renderer/editor/commands/rename-layer';
import { setColor } from '../../../renderer/editor/commands/set-color';
import { setLayerLocked } from '../../../renderer/editor/commands/set-layer-locked';
import { setLayerOpacity } from '../../../renderer/editor/commands/set-layer-opacity';
import { setLayerVisibility } from '../../../renderer/editor/commands/set-layer-visibility';
import { setResultOpacity } from '../../../renderer/editor/commands/set-result-opacity';
import { setViewSize } from '../../../renderer/editor/commands/set-view-size';
import { setWorkArea } from '../../../renderer/editor/commands/set-work-area';
import { zoomView } from '../../../renderer/editor/commands/zoom-view';
import { TestEditor } from './test-editor';

describe('the revision', () => {
  it('starts at 1 and grows with each stroke, undo and redo, announcing each', () => {
    const t = new TestEditor();
    expect(t.editor.revision).toBe(1);
    t.press('B').drag([300, 300], [350, 300]);
    t.press('S').drag([300, 320], [350, 320]);
    t.press('Mod+Z');
    t.press('Mod+Shift+Z');
    expect(t.synthesisRequests).toEqual([2, 3, 4, 5]);
    expect(t.editor.revision).toBe(5);
  });

  it('never goes back on undo, so a late result for the old state is not taken for the new one', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]); // revision 2
    t.press('Mod+Z'); // revision 3, same document as revision 1
    expect(t.editor.run(receiveResult, { assetId: 'result-for-1', revision: 1 }).status).toBe(
      'refused',
    );
    expect(t.editor.run(receiveResult, { assetId: 'result-for-2', revision: 2 }).status).toBe(
      'refused',
    );
    expect(t.session.result).toBeNull();
    expect(t.editor.run(receiveResult, { assetId: 'result-3', revision: 3 }).status).toBe(
      'applied',
    );
    expect(t.session.result).toEqual({ assetId: 'result-3', revision: 3 });
    expect(t.history()).toEqual({ undo: [], redo: ['Mask stroke'] });
  });

  it('does not change for the viewport, tools, colors, brush sizes, names, opacity or locks', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    const before = t.editor.revision;

    t.editor.run(setViewSize, { width: 800, height: 600 });
    t.editor.run(zoomView, { factor: 2 });
    t.editor.run(panView, { dx: 10, dy: 5 });
    t.press('S').press('C').press(']').press('Mod+0');
    t.editor.run(setColor, '#123456');
    t.editor.run(renameLayer, { layerId: 'layer-mask', name: 'Area' });
    t.editor.run(setLayerOpacity, { layerId: 'layer-mask', opacity: 0.4 });
    t.editor.run(setLayerLocked, { layerId: 'layer-mask', locked: true });
    t.editor.run(setResultOpacity, 0.5);
    t.keyDown('\\').keyUp('\\');

    expect(t.editor.revision).toBe(before);
    expect(t.synthesisRequests).toEqual([before]);
  });

  it('changes when a layer with content is hidden or shown, not an empty one', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    t.editor.run(setLayerVisibility, { layerId: 'layer-color', visible: false });
    expect(t.synthesisRequests).toEqual([2]);
    t.editor.run(setLayerVisibility, { layerId: 'layer-mask', visible: false });
    t.editor.run(setLayerVisibility, { layerId: 'layer-mask', visible: true });
    expect(t.synthesisRequests).toEqual([2, 3, 4]);
  });

  it('changes with the work area and with a new seed, both recorded', () => {
    const t = new TestEditor({ randomValues: [0.5] });
    t.editor.run(setWorkArea, { area: { x: 150, y: 0, size: 600 } });
    expect(t.document.workArea).toEqual({ x: 150, y: 0, size: 600 });
    t.editor.run(newSeed, undefined);
    expect(t.document.seed).toBe(0x8000_0000);
    expect(t.synthesisRequests).toEqual([2, 3]);
    expect(t.history().undo).toEqual(['Work area', 'New variation']);
    t.press('Mod+Z');
    expect(t.document.seed).toBe(7);
  });

  it('a new seed never repeats the current one', () => {
    const t = new TestEditor({ randomValues: [0] });
    t.editor.run(newSeed, undefined);
    t.editor.run(newSeed, undefined);
    expect(t.document.seed).toBe(1);
  });

  it('jumping several steps announces one revision', () => {
    const t = new TestEditor();
    t.press('S');
    for (const y of [10, 20, 30, 40]) t.drag([10, y], [50, y]);
    const before = t.synthesisRequests.length;
    expect(t.editor.jumpTo(1)).toBe(true);
    expect(t.synthesisRequests.length).toBe(before + 1);
    expect(t.strokes('sketch')).toHaveLength(1);
  });
});

describe('applying a result', () => {
  function withResult() {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [350, 300]);
    t.press('S').drag([300, 320], [350, 320]);
    t.press('I').drag([400, 300]);
    t.editor.run(receiveResult, { assetId: 'result-4', revision: t.editor.revision });
    return t;
  }

  it('bakes the result into the photo and empties the layers, as one undoable step', () => {
    const t = withResult();
    const revision = t.editor.revision;
    const outcome = t.editor.run(applyResult, {
      photoAssetId: 'photo-baked',
      resultRevision: revision,
    });
    expect(outcome.status).toBe('applied');
    expect(t.document.photo.assetId).toBe('photo-baked');
    expect(t.strokes('mask')).toEqual([]);
    expect(t.strokes('sketch')).toEqual([]);
    expect(t.layer('iris').marks).toEqual([]);
    expect(t.session.result).toBeNull();
    expect(t.history().undo).toEqual(['Mask stroke', 'Sketch stroke', 'Iris', 'Apply result']);
    expect(t.editor.revision).toBe(revision + 1);

    t.press('Mod+Z');
    expect(t.document.photo.assetId).toBe('photo-test');
    expect(t.strokes('mask')).toHaveLength(1);
    expect(t.layer('iris').marks).toHaveLength(1);
  });

  it('refuses a result made for an older revision', () => {
    const t = withResult();
    const stale = t.editor.revision;
    t.drag([500, 300]); // another iris
    expect(
      t.editor.run(applyResult, { photoAssetId: 'photo-baked', resultRevision: stale }),
    ).toEqual({
      status: 'refused',
      reason: 'the result is out of date',
    });
    expect(t.document.photo.assetId).toBe('photo-test');
  });
});
