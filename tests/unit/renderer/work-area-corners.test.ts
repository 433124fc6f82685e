/**
 * The work-area tool's corners: a new photo's work area is the largest square it holds, so the
 * corners are the only way to make it smaller (renderer/editor/tools/work-area-tool.ts).
 */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/document';
import { commands, workAreaHitAt } from '../../../renderer/editor';
import { TestEditor } from '../editor/test-editor';

const SQUARE_PHOTO = { assetId: 'photo-square', width: 512, height: 512 } as const;

describe('the work-area corners', () => {
  it('shrinks a square that fills the photo from a corner, the opposite corner held', () => {
    const t = new TestEditor({ document: createEmptyDocument(SQUARE_PHOTO) });
    expect(t.document.workArea).toEqual({ x: 0, y: 0, size: 512 });
    t.press('W').drag([511, 511], [300, 400], [240, 240]);
    expect(t.document.workArea).toEqual({ x: 0, y: 0, size: 240 });
    t.drag([0, 0], [40, 60]);
    // The larger of the two distances decides the side; the bottom-right corner stays.
    expect(t.document.workArea).toEqual({ x: 40, y: 40, size: 200 });
    // Dragged across the held corner, the square flips to that side of it.
    t.drag([40, 40], [300, 260]);
    expect(t.document.workArea).toEqual({ x: 240, y: 240, size: 60 });
    expect(t.history().undo).toEqual(['Work area', 'Work area', 'Work area']);
  });

  it('grows towards the photo’s edge but never past it, so the held corner never moves', () => {
    const t = new TestEditor({ document: createEmptyDocument(SQUARE_PHOTO) });
    t.editor.run(commands.setWorkArea, { area: { x: 200, y: 200, size: 100 } });
    t.press('W').drag([200, 200], [-50, 100]);
    expect(t.document.workArea).toEqual({ x: 0, y: 0, size: 300 });
  });

  it('finds corners within a few screen pixels, at any zoom', () => {
    const area = { x: 100, y: 100, size: 200 };
    expect(workAreaHitAt(area, { x: 105, y: 103 }, 1)).toEqual({
      kind: 'corner',
      corner: 'top-left',
    });
    // At 4× zoom the same five photo pixels are twenty screen pixels: too far for a corner.
    expect(workAreaHitAt(area, { x: 105, y: 103 }, 4)).toEqual({ kind: 'inside' });
    expect(workAreaHitAt(area, { x: 298, y: 302 }, 1)).toEqual({
      kind: 'corner',
      corner: 'bottom-right',
    });
    expect(workAreaHitAt(area, { x: 50, y: 50 }, 1)).toEqual({ kind: 'outside' });
  });
});
