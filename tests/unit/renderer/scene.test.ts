/** What the canvas shows for a given editor state (renderer/canvas/scene.ts). */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../renderer/editor';
import {
  describeScene,
  MASK_HINT_ALPHA,
  MASK_OVERLAY_ALPHA,
  MASK_OVERLAY_COLOR,
  SKETCH_COLOR,
} from '../../../renderer/canvas/scene';
import { TestEditor } from '../editor/test-editor';

const scene = (t: TestEditor, strokesVisible = true) =>
  describeScene(t.editor.state, t.editor.preview, { strokesVisible });

describe('the canvas scene', () => {
  it('shows each visible layer with content as an overlay, bottom to top', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [400, 300]);
    t.press('C').drag([310, 300], [380, 300]);
    t.press('S').drag([300, 320], [400, 320]);
    const overlays = scene(t).overlays;
    expect(overlays.map((overlay) => overlay.key)).toEqual([
      'layer-mask:mask',
      'layer-color:lines',
      'layer-sketch:lines',
    ]);
    const [mask, color, sketch] = overlays;
    expect(mask?.passes[0]?.color).toBe(MASK_OVERLAY_COLOR);
    // Color strokes keep their own colors; sketch lines are drawn dark.
    expect(color?.passes[0]?.color).toBeNull();
    expect(sketch?.passes[0]?.color).toBe(SKETCH_COLOR);
  });

  it('tints the mask strongly while a mask tool is in hand, faintly otherwise', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [400, 300]);
    expect(scene(t).overlays[0]?.alpha).toBe(MASK_OVERLAY_ALPHA);
    t.press('S');
    expect(scene(t).overlays[0]?.alpha).toBe(MASK_HINT_ALPHA);
  });

  it('draws the stroke in progress inside the layer it will land in', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [400, 300]);
    t.pointerDown([300, 340]).pointerMove([360, 340]);
    const [mask] = scene(t).overlays;
    expect(mask?.passes.map((pass) => pass.strokes.length)).toEqual([1, 1]);
    expect(mask?.passes[1]?.strokes[0]?.points).toHaveLength(2);
    t.pointerUp([360, 340]);
    expect(scene(t).overlays[0]?.passes.map((pass) => pass.strokes.length)).toEqual([2]);
  });

  it('keeps an overlay’s version while its layer is unchanged, so its buffer is reused', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [400, 300]);
    const before = scene(t).overlays[0]?.version;
    t.editor.run(commands.zoomView, { factor: 2 });
    expect(scene(t).overlays[0]?.version).toEqual(before);
    t.drag([300, 340], [400, 340]);
    expect(scene(t).overlays[0]?.version).not.toEqual(before);
  });

  it('leaves hidden layers out, and everything but the photo out while the original is shown', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [400, 300]);
    t.editor.run(commands.receiveResult, { assetId: 'result-1', revision: t.editor.revision });
    t.editor.run(commands.setResultOpacity, 0.5);
    expect(scene(t).result).toEqual({ assetId: 'result-1', opacity: 0.5 });

    t.keyDown('\\');
    expect(scene(t)).toMatchObject({ result: null, overlays: [] });
    t.keyUp('\\');
    expect(scene(t).result).not.toBeNull();

    t.editor.run(commands.setLayerVisibility, { layerId: 'layer-mask', visible: false });
    expect(scene(t).overlays).toEqual([]);
  });

  it('hides every overlay when strokes are switched off, but keeps the result', () => {
    const t = new TestEditor();
    t.press('B').drag([300, 300], [400, 300]);
    t.editor.run(commands.receiveResult, { assetId: 'result-1', revision: t.editor.revision });
    expect(scene(t, false)).toMatchObject({ overlays: [], result: { assetId: 'result-1' } });
  });

  it('shows irises as the network sees them: a colored ring under a dark outline', () => {
    const t = new TestEditor();
    t.press('I').drag([500, 400]);
    const [iris] = scene(t).overlays;
    expect(iris?.passes.map((pass) => pass.color)).toEqual([null, SKETCH_COLOR]);
  });

  it('frames the work area being dragged, with handles while the work-area tool is selected', () => {
    const t = new TestEditor();
    expect(scene(t).workArea).toEqual({ area: { x: 100, y: 0, size: 800 }, editing: false });
    t.press('W').pointerDown([500, 400]).pointerMove([550, 400]);
    expect(scene(t).workArea).toEqual({ area: { x: 150, y: 0, size: 800 }, editing: true });
  });

  it('shows the eyedropper’s loupe and the eraser’s trail while they are dragged', () => {
    const t = new TestEditor({ sampleColor: () => '#123456' });
    t.press('K').pointerDown([10, 10]);
    expect(scene(t).loupe).toEqual({ point: { x: 10, y: 10 }, color: '#123456' });
    t.pointerUp([10, 10]);
    expect(scene(t).loupe).toBeNull();
    t.press('E').pointerDown([10, 10]).pointerMove([50, 10]);
    expect(scene(t).overlays.map((overlay) => overlay.key)).toContain('eraser-trail');
  });
});
