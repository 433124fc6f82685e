/**
 * No silent no-ops: mask paint outside the work area used to be accepted and then ignored by
 * the network. Now the work area grows, in the same undo step, to hold it.
 */
import { describe, expect, it } from 'vitest';
import { setWorkArea } from '../../../renderer/editor/commands/set-work-area';
import { TestEditor } from './test-editor';

describe('a mask stroke outside the work area', () => {
  it('grows the work area to hold it, in the same step; undo takes both back', () => {
    const t = new TestEditor();
    t.editor.run(setWorkArea, { area: { x: 300, y: 200, size: 300 } });
    t.press('b').drag([700, 300], [760, 330]);
    const width = t.strokes('mask')[0]?.width ?? 0;
    const area = t.document.workArea;
    expect(area.x).toBeLessThanOrEqual(300);
    expect(area.y).toBeLessThanOrEqual(200);
    expect(area.x + area.size).toBeGreaterThanOrEqual(760 + width / 2);
    expect(area.y + area.size).toBeGreaterThanOrEqual(500);
    expect(area.x + area.size).toBeLessThanOrEqual(1000);
    expect(t.history().undo).toEqual(['Work area', 'Mask stroke']);
    t.press('Mod+Z');
    expect(t.document.workArea).toEqual({ x: 300, y: 200, size: 300 });
    expect(t.strokes('mask')).toHaveLength(0);
  });

  it('leaves the work area alone for paint inside it, sketch lines and erasing', () => {
    const t = new TestEditor();
    t.editor.run(setWorkArea, { area: { x: 300, y: 200, size: 300 } });
    t.press('b').drag([400, 300], [420, 310]);
    t.press('s').drag([900, 700], [950, 720]);
    expect(t.document.workArea).toEqual({ x: 300, y: 200, size: 300 });
  });

  it('grows only as far as the photo allows', () => {
    const t = new TestEditor();
    t.editor.run(setWorkArea, { area: { x: 0, y: 0, size: 200 } });
    t.press('b').drag([950, 780], [990, 790]);
    const area = t.document.workArea;
    expect(area.size).toBeLessThanOrEqual(800);
    expect(area.x + area.size).toBeLessThanOrEqual(1000);
    expect(area.y + area.size).toBeLessThanOrEqual(800);
  });
});
