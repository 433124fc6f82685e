/** The iris tool, the color palette, the eyedropper, the work-area tool and the hand. */
import { describe, expect, it } from 'vitest';
import { setColor } from '../../../renderer/editor/commands/set-color';
import { setWorkArea } from '../../../renderer/editor/commands/set-work-area';
import { setLayerVisibility } from '../../../renderer/editor/commands/set-layer-visibility';
import { updateIrisMark } from '../../../renderer/editor/commands/update-iris-mark';
import { zoomView } from '../../../renderer/editor/commands/zoom-view';
import { RECENT_COLOR_COUNT } from '../../../renderer/editor/state/recent-colors';
import { TestEditor } from './test-editor';

describe('the iris tool', () => {
  it('places an iris of typical size on a click, in the current color', () => {
    const t = new TestEditor();
    t.editor.run(setColor, '#2e6b8f');
    t.press('I').drag([400, 300], [401, 301]);
    // 3 % of the 800 px work area; a one-pixel wobble is still a click.
    expect(t.layer('iris').marks).toEqual([
      { id: 'iris-1', center: { x: 400, y: 300 }, radius: 24, color: '#2e6b8f' },
    ]);
    expect(t.history()).toEqual({ undo: ['Iris'], redo: [] });
    expect(t.commits).toEqual([{ toolId: 'iris', layerId: 'layer-iris', itemId: 'iris-1' }]);
    expect(t.session.recentColors).toEqual(['#2e6b8f']);
  });

  it('sizes the iris by the drag, previewing it meanwhile', () => {
    const t = new TestEditor();
    t.press('I').pointerDown([400, 300]).pointerMove([430, 340]);
    const preview = t.editor.preview;
    expect(preview?.kind === 'iris' && preview.mark.radius).toBe(50);
    expect(t.layer('iris').marks).toEqual([]);
    t.pointerUp([412, 309]);
    expect(t.layer('iris').marks[0]?.radius).toBe(15);
  });

  it('judges a click in screen pixels: zoomed out, a small photo distance is still a click', () => {
    const t = new TestEditor();
    t.editor.run(zoomView, { factor: 0.25 });
    t.press('I').drag([400, 300], [410, 300]);
    expect(t.layer('iris').marks[0]?.radius).toBe(24);
  });

  it('is one step per iris; escape places nothing', () => {
    const t = new TestEditor();
    t.press('I').drag([400, 300], [420, 300]);
    t.pointerDown([600, 300]).pointerMove([630, 300]).escape();
    t.pointerUp([630, 300]);
    expect(t.layer('iris').marks).toHaveLength(1);
    expect(t.history().undo).toEqual(['Iris']);
  });

  it('refuses a hidden iris layer', () => {
    const t = new TestEditor();
    t.editor.run(setLayerVisibility, { layerId: 'layer-iris', visible: false });
    t.press('I').drag([400, 300]);
    expect(t.layer('iris').marks).toEqual([]);
    expect(t.refusals).toEqual(['the Iris layer is hidden']);
  });

  it('lets an iris be recolored, moved and resized as named steps', () => {
    const t = new TestEditor();
    t.press('I').drag([400, 300]);
    const target = { layerId: 'layer-iris', markId: 'iris-1' };
    t.editor.run(updateIrisMark, { ...target, color: '#00aa55' });
    t.editor.run(updateIrisMark, { ...target, center: { x: 410, y: 305 } });
    t.editor.run(updateIrisMark, { ...target, radius: 30 });
    expect(t.layer('iris').marks[0]).toEqual({
      id: 'iris-1',
      center: { x: 410, y: 305 },
      radius: 30,
      color: '#00aa55',
    });
    expect(t.history().undo).toEqual(['Iris', 'Iris color', 'Move iris', 'Resize iris']);
    expect(t.editor.run(updateIrisMark, { ...target, markId: 'nope', radius: 3 }).status).toBe(
      'refused',
    );
  });
});

describe('recent colors', () => {
  it('lists the colors painted with, most recent first, without duplicates, at most eight', () => {
    const t = new TestEditor();
    t.press('C');
    const colors = ['#000001', '#000002', '#000003', '#000004', '#000005'];
    const more = ['#000006', '#000007', '#000008', '#000009'];
    for (const color of [...colors, '#000002', ...more]) {
      t.editor.run(setColor, color);
      t.drag([10, 10], [30, 10]);
    }
    expect(t.session.recentColors).toHaveLength(RECENT_COLOR_COUNT);
    expect(t.session.recentColors).toEqual([
      '#000009',
      '#000008',
      '#000007',
      '#000006',
      '#000002',
      '#000005',
      '#000004',
      '#000003',
    ]);
  });

  it('picking a color without painting does not add it', () => {
    const t = new TestEditor();
    t.editor.run(setColor, '#abcdef');
    expect(t.session.color).toBe('#abcdef');
    expect(t.session.recentColors).toEqual([]);
  });

  it('a refused color leaves the current one', () => {
    const t = new TestEditor();
    const before = t.session.color;
    expect(t.editor.run(setColor, 'teal').status).toBe('refused');
    expect(t.session.color).toBe(before);
  });
});

describe('the eyedropper', () => {
  const sampler = (point: { x: number; y: number }) =>
    point.x < 0 || point.x >= 1000 ? null : point.x < 500 ? '#aa0000' : '#00bb00';

  it('shows the color under the pointer while pressed and takes it on release', () => {
    const t = new TestEditor({ sampleColor: sampler });
    t.press('K').pointerDown([100, 100]);
    expect(t.editor.preview).toEqual({
      kind: 'eyedropper',
      point: { x: 100, y: 100 },
      color: '#aa0000',
    });
    t.pointerMove([700, 100]).pointerUp([700, 100]);
    expect(t.session.color).toBe('#00bb00');
    expect(t.history()).toEqual({ undo: [], redo: [] });
    expect(t.synthesisRequests).toEqual([]);
  });

  it('keeps the color when released outside the photo', () => {
    const t = new TestEditor({ sampleColor: sampler });
    const before = t.session.color;
    t.press('K').drag([100, 100], [-50, 100]);
    expect(t.session.color).toBe(before);
    expect(t.refusals).toEqual(['there is no photo under the pointer']);
  });
});

describe('the work-area tool', () => {
  it('drags the square from inside, clamped to the photo, as one step', () => {
    const t = new TestEditor();
    expect(t.document.workArea).toEqual({ x: 100, y: 0, size: 800 });
    t.press('W').pointerDown([500, 400]).pointerMove([550, 400]);
    expect(t.editor.preview).toEqual({ kind: 'work-area', area: { x: 150, y: 0, size: 800 } });
    expect(t.document.workArea.x).toBe(100);
    t.pointerMove([700, 500]).pointerUp([700, 500]);
    expect(t.document.workArea).toEqual({ x: 200, y: 0, size: 800 });
    expect(t.history().undo).toEqual(['Work area']);
    expect(t.synthesisRequests).toEqual([2]);
  });

  it('draws a new square centered where the drag starts outside it', () => {
    const t = new TestEditor();
    t.press('W').pointerDown([600, 400]).pointerUp([600, 400]); // just a click: nothing
    expect(t.history().undo).toEqual([]);

    t.editor.run(setWorkArea, { area: { x: 0, y: 0, size: 400 } });
    t.drag([700, 500], [800, 560]);
    expect(t.document.workArea).toEqual({ x: 600, y: 400, size: 200 });
    expect(t.history().undo).toEqual(['Work area', 'Work area']);
  });
});

describe('the hand', () => {
  it('keeps the grabbed photo point under the pointer at any zoom', () => {
    const t = new TestEditor();
    t.editor.run(zoomView, { factor: 2, anchor: { x: 0, y: 0 } });
    t.press('H').dragInView([200, 200], [250, 180], [260, 230]);
    // Grabbed at view (200, 200) = photo (100, 100); it must now sit at view (260, 230).
    const { zoom, offsetX, offsetY } = t.session.viewport;
    expect(100 * zoom + offsetX).toBeCloseTo(260);
    expect(100 * zoom + offsetY).toBeCloseTo(230);
    expect(t.history().undo).toEqual([]);
  });
});
