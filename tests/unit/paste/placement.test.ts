/**
 * Placing a pasted region: the shared placement and snapping rules, the handle geometry, and the
 * place tool and keys driven through the headless editor (STYLE.md 11) — each placement one
 * undo step that asks for a new synthesis.
 */
import { describe, expect, it } from 'vitest';
import type { PastedRegionLayer, Point, Stroke } from '../../../shared/document';
import { facePartRect } from '../../../shared/paste/face-parts';
import {
  defaultPlacement,
  facePartCentre,
  landmarkPlacement,
  snapPlacement,
  snapToFacePart,
  SNAP_TOLERANCE,
} from '../../../shared/paste/placement';
import {
  polygonArea,
  polygonCentroid,
  RECTANGLE_CORNER_FRACTION,
  selectionPolygon,
  selectionRefusal,
} from '../../../shared/paste/paste-selection';
import { addPastedRegion } from '../../../renderer/editor/commands/add-pasted-region';
import {
  dragPlacement,
  normalizeAngle,
  regionBox,
  regionFrame,
  regionHitAt,
  ROTATE_KNOB_VIEW_PIXELS,
} from '../../../renderer/editor/geometry/region-placement';
import { TestEditor } from '../editor/test-editor';

const AREA = { x: 100, y: 0, size: 800 };

/** A 40 × 20 mask rectangle about the origin, as one fill stroke of width 2. */
function squareMask(): Stroke[] {
  return [
    {
      id: 'm1',
      tool: 'paint',
      width: 2,
      points: [
        { x: -19, y: -9, pressure: 1 },
        { x: 19, y: -9, pressure: 1 },
        { x: 19, y: 9, pressure: 1 },
        { x: -19, y: 9, pressure: 1 },
      ],
    },
  ];
}

function regionLayer(transform = { x: 300, y: 200, scale: 1, angle: 0 }): PastedRegionLayer {
  return {
    id: 'r',
    name: 'Region',
    kind: 'pasted-region',
    visible: true,
    opacity: 1,
    locked: false,
    sourceAssetId: 'photo-source',
    channels: { mask: squareMask(), sketch: [], color: [] },
    transform,
  };
}

describe('placement rules', () => {
  it('puts a region at the same place relative to the target work area, scaled', () => {
    const t = defaultPlacement({ x: 150, y: 90 }, { x: 100, y: 50, size: 200 }, AREA);
    expect(t).toEqual({ x: 100 + 50 * 4, y: 40 * 4, scale: 4, angle: 0 });
  });

  it('snaps onto the nearest face part within the tolerance, and nowhere else', () => {
    const eye = facePartCentre('left-eye', AREA);
    const near = { x: eye.x + 0.6 * SNAP_TOLERANCE * AREA.size, y: eye.y };
    expect(snapToFacePart(near, AREA)).toEqual({ point: eye, part: 'left-eye' });
    const far = { x: eye.x + 1.5 * SNAP_TOLERANCE * AREA.size, y: eye.y };
    expect(snapToFacePart(far, AREA)).toEqual({ point: far, part: null });
    const mouth = facePartCentre('mouth', AREA);
    expect(snapPlacement({ x: mouth.x - 5, y: mouth.y + 5, scale: 2, angle: 7 }, AREA)).toEqual({
      ...mouth,
      scale: 2,
      angle: 7,
    });
  });

  it('resolves selections to polygons and refuses empty or stray ones', () => {
    const part = selectionPolygon({ kind: 'face-part', part: 'nose' }, AREA);
    const rect = facePartRect('nose', AREA);
    expect(selectionRefusal(part, AREA)).toBeNull();
    // A single part is the ellipse inscribed in its box: π/4 of the box, centred on it.
    expect(polygonArea(part) / (rect.width * rect.height)).toBeCloseTo(Math.PI / 4, 2);
    expect(polygonCentroid(part).x).toBeCloseTo(rect.x + rect.width / 2, 9);
    expect(polygonCentroid(part).y).toBeCloseTo(rect.y + rect.height / 2, 9);
    const tiny = selectionPolygon({ kind: 'rectangle', x: 300, y: 300, width: 5, height: 5 }, AREA);
    expect(selectionRefusal(tiny, AREA)).toMatch(/too small/);
    const stray = selectionPolygon(
      { kind: 'rectangle', x: 0, y: 0, width: 60, height: 60 },
      { x: 500, y: 500, size: 100 },
    );
    expect(selectionRefusal(stray, { x: 500, y: 500, size: 100 })).toMatch(/outside/);
  });
});

describe('selection outlines', () => {
  const inBox = (
    polygon: readonly { x: number; y: number }[],
    box: { x: number; y: number; width: number; height: number },
  ) =>
    polygon.every(
      (p) =>
        p.x >= box.x - 1e-9 &&
        p.y >= box.y - 1e-9 &&
        p.x <= box.x + box.width + 1e-9 &&
        p.y <= box.y + box.height + 1e-9,
    );
  const touches = (
    polygon: readonly { x: number; y: number }[],
    box: { x: number; y: number; width: number; height: number },
  ) => {
    const xs = polygon.map((p) => p.x);
    const ys = polygon.map((p) => p.y);
    return [
      Math.min(...xs) - box.x,
      box.x + box.width - Math.max(...xs),
      Math.min(...ys) - box.y,
      box.y + box.height - Math.max(...ys),
    ].every((gap) => Math.abs(gap) < 1e-6);
  };
  const nearCorner = (
    polygon: readonly { x: number; y: number }[],
    box: { x: number; y: number; width: number; height: number },
    within: number,
  ) => polygon.some((p) => Math.hypot(p.x - box.x, p.y - box.y) < within);

  it('rounds every preset: inscribed in its box, touching its sides, away from its corners', () => {
    for (const part of ['left-eye', 'right-eye', 'nose', 'mouth', 'both-eyes', 'brows'] as const) {
      const polygon = selectionPolygon({ kind: 'face-part', part }, AREA);
      const box = facePartRect(part, AREA);
      expect(inBox(polygon, box), part).toBe(true);
      expect(touches(polygon, box), part).toBe(true);
      // No vertex in the box's corner: the seam a square mask leaves is gone.
      expect(nearCorner(polygon, box, 0.2 * Math.min(box.width, box.height)), part).toBe(false);
      const centre = polygonCentroid(polygon);
      expect(centre.x).toBeCloseTo(box.x + box.width / 2, 6);
      expect(centre.y).toBeCloseTo(box.y + box.height / 2, 6);
    }
    // The two-eye preset is a stadium: fuller than the inscribed ellipse, so the outer lids stay.
    const both = facePartRect('both-eyes', AREA);
    const stadium = polygonArea(selectionPolygon({ kind: 'face-part', part: 'both-eyes' }, AREA));
    expect(stadium / (both.width * both.height)).toBeGreaterThan(0.85);
  });

  it('rounds a drawn rectangle’s corners and keeps a lasso as drawn', () => {
    const box = { x: 200, y: 100, width: 120, height: 60 };
    const rounded = selectionPolygon({ kind: 'rectangle', ...box }, AREA);
    expect(inBox(rounded, box)).toBe(true);
    expect(touches(rounded, box)).toBe(true);
    expect(nearCorner(rounded, box, 0.05 * box.height)).toBe(false);
    const r = RECTANGLE_CORNER_FRACTION * box.height;
    const expected = box.width * box.height - (4 - Math.PI) * r * r;
    expect(polygonArea(rounded)).toBeCloseTo(expected, -1);
    expect(polygonCentroid(rounded)).toEqual({
      x: expect.closeTo(260, 9) as number,
      y: expect.closeTo(130, 9) as number,
    });
    const points = [
      { x: 10, y: 10 },
      { x: 50, y: 12 },
      { x: 30, y: 40 },
    ];
    expect(selectionPolygon({ kind: 'lasso', points }, AREA)).toEqual(points);
  });
});

describe('handle geometry', () => {
  it('frames the mask, with a rotation knob above the top edge', () => {
    const box = regionBox(regionLayer());
    expect(box).toEqual({ left: -20, top: -10, right: 20, bottom: 10 });
    const frame = regionFrame(box, { x: 300, y: 200, scale: 2, angle: 0 }, 1);
    expect(frame.corners[0]).toEqual({ x: 260, y: 180 });
    expect(frame.corners[2]).toEqual({ x: 340, y: 220 });
    expect(frame.rotateKnob.x).toBeCloseTo(300, 9);
    expect(frame.rotateKnob.y).toBeCloseTo(180 - ROTATE_KNOB_VIEW_PIXELS, 9);
  });

  it('rotates the frame with the region (clockwise degrees)', () => {
    const frame = regionFrame(regionBox(regionLayer()), { x: 0, y: 0, scale: 1, angle: 90 }, 1);
    // The top-left corner (-20, -10) turns a quarter clockwise to (10, -20).
    expect(frame.corners[0].x).toBeCloseTo(10, 9);
    expect(frame.corners[0].y).toBeCloseTo(-20, 9);
    // "Up" from the region is now to the photo's right.
    expect(frame.rotateKnob.x).toBeCloseTo(10 + ROTATE_KNOB_VIEW_PIXELS, 9);
  });

  it('tells rotate, scale, move and nothing apart, with view-pixel tolerances', () => {
    const frame = regionFrame(regionBox(regionLayer()), { x: 300, y: 200, scale: 1, angle: 0 }, 2);
    expect(regionHitAt(frame, frame.rotateKnob, 2)).toEqual({ kind: 'rotate' });
    expect(regionHitAt(frame, { x: 322, y: 212 }, 2)).toEqual({ kind: 'scale', corner: 2 });
    expect(regionHitAt(frame, { x: 305, y: 195 }, 2)).toEqual({ kind: 'move' });
    expect(regionHitAt(frame, { x: 400, y: 200 }, 2)).toEqual({ kind: 'none' });
  });

  it('turns drags into transforms: move (snapping), scale about the origin, rotate', () => {
    const start = { x: 300, y: 200, scale: 1, angle: 0 };
    const grab = { x: 310, y: 200 };
    expect(dragPlacement({ mode: 'move', start, grab }, { x: 330, y: 190 }, null)).toEqual({
      transform: { ...start, x: 320, y: 190 },
      snappedTo: null,
    });
    const eye = facePartCentre('right-eye', AREA);
    const snapped = dragPlacement(
      { mode: 'move', start, grab: { x: 300, y: 200 } },
      { x: eye.x + 3, y: eye.y - 4 },
      AREA,
    );
    expect(snapped).toEqual({ transform: { ...start, ...eye }, snappedTo: 'right-eye' });
    expect(
      dragPlacement({ mode: 'scale', start, grab }, { x: 320, y: 200 }, AREA).transform.scale,
    ).toBeCloseTo(2, 9);
    expect(
      dragPlacement({ mode: 'rotate', start, grab }, { x: 300, y: 210 }, AREA).transform.angle,
    ).toBeCloseTo(90, 9);
    expect(normalizeAngle(270)).toBe(-90);
    expect(normalizeAngle(-180)).toBe(180);
  });
});

describe('the place tool and keys in the editor', () => {
  function withRegion(): TestEditor {
    const t = new TestEditor();
    const { channels, sourceAssetId, transform } = regionLayer();
    t.editor.run(addPastedRegion, { channels, sourceAssetId, transform });
    return t;
  }
  const region = (t: TestEditor) => t.layer('pasted-region');

  it('moves a region by dragging inside it: one step, one synthesis, one commit', () => {
    const t = withRegion();
    const before = t.synthesisRequests.length;
    t.press('V').drag([300, 200], [740, 650]);
    expect(region(t).transform).toEqual({ x: 740, y: 650, scale: 1, angle: 0 });
    expect(t.history().undo).toEqual(['Paste region', 'Place Region 1']);
    expect(t.synthesisRequests.length).toBe(before + 1);
    expect(t.commits.at(-1)).toMatchObject({ toolId: 'place-region', layerId: 'layer-1' });
    t.press('Mod+Z');
    expect(region(t).transform).toEqual({ x: 300, y: 200, scale: 1, angle: 0 });
  });

  it('snaps a moved region onto the target work area’s eye', () => {
    const t = withRegion();
    const eye = facePartCentre('left-eye', t.document.workArea);
    t.press('V').drag([300, 200], [eye.x + 4, eye.y - 3]);
    expect(region(t).transform).toMatchObject({ x: eye.x, y: eye.y });
  });

  it('scales from a corner and rotates with the knob', () => {
    const t = withRegion();
    t.press('V').drag([320, 210], [340, 220]);
    expect(region(t).transform.scale).toBeCloseTo(2, 9);
    const zoom = t.session.viewport.zoom;
    t.drag([300, 200 - 20 - ROTATE_KNOB_VIEW_PIXELS / zoom], [400, 200]);
    expect(region(t).transform.angle).toBeCloseTo(90, 6);
    expect(t.history().undo).toEqual(['Paste region', 'Place Region 1', 'Place Region 1']);
  });

  it('leaves no step for a click, a press outside, or a drag cancelled with Escape', () => {
    const t = withRegion();
    t.press('V').drag([300, 200]);
    t.drag([700, 600], [720, 600]);
    t.pointerDown([300, 200]).pointerMove([350, 250]).escape();
    expect(t.editor.gestureActive).toBe(false);
    expect(t.history().undo).toEqual(['Paste region']);
    expect(region(t).transform.x).toBe(300);
  });

  it('nudges with the arrows (ten pixels with Shift), each press a step', () => {
    const t = withRegion();
    t.press('ArrowRight').press('ArrowRight').press('Shift+ArrowDown').press('ArrowLeft');
    expect(region(t).transform).toMatchObject({ x: 301, y: 210 });
    expect(t.history().undo).toHaveLength(5);
    t.press('Mod+Z');
    expect(region(t).transform).toMatchObject({ x: 302, y: 210 });
  });

  it('deletes the active region with Delete; undo brings it back', () => {
    const t = withRegion();
    t.press('Delete');
    expect(t.document.layers.some((layer) => layer.kind === 'pasted-region')).toBe(false);
    expect(t.history().undo).toEqual(['Paste region', 'Delete Region 1']);
    t.press('Mod+Z');
    expect(region(t).id).toBe('layer-1');
  });

  it('leaves arrows and Delete to the page when no pasted region is active', () => {
    const t = new TestEditor();
    expect(t.editor.keyDown({ key: 'ArrowLeft' })).toBe(false);
    expect(t.editor.keyDown({ key: 'Delete' })).toBe(false);
    expect(t.refusals).toEqual([]);
  });

  it('keeps the region editable with the existing tools, in its own coordinates', () => {
    const t = withRegion();
    t.press('C').drag([300, 200], [310, 200]);
    t.press('B').drag([290, 190], [295, 190]);
    expect(region(t).channels.color).toHaveLength(1);
    expect(region(t).channels.mask).toHaveLength(2);
    expect(region(t).channels.color[0]?.points[0]).toMatchObject({ x: 0, y: 0 });
    t.press('E').drag([300, 200], [305, 200]);
    // The general eraser removes the region's colour stroke it crosses.
    expect(region(t).channels.color).toHaveLength(0);
  });
});

describe('face parts from the face’s own landmarks', () => {
  /** A face's 68 points: the mean training face's parts in a work area, then moved. */
  function face(dx: number, dy: number, scale: number, degrees: number): Point[] {
    const a = (degrees * Math.PI) / 180;
    const base: Point[] = [];
    // Jaw, brows, nose, eyes, mouth laid out roughly as on a frontal face of 200 px.
    for (let i = 0; i < 17; i++)
      base.push({ x: 20 + (160 * i) / 16, y: 110 + 60 * Math.sin((Math.PI * i) / 16) });
    for (let i = 0; i < 10; i++) base.push({ x: 35 + (i < 5 ? i * 12 : 40 + i * 12), y: 55 });
    for (let i = 0; i < 9; i++)
      base.push({ x: i < 4 ? 100 : 84 + (i - 4) * 8, y: i < 4 ? 65 + i * 12 : 112 });
    for (const cx of [60, 140])
      for (let i = 0; i < 6; i++)
        base.push({
          x: cx + 18 * Math.cos((Math.PI * i) / 3),
          y: 75 + 7 * Math.sin((Math.PI * i) / 3),
        });
    for (let i = 0; i < 20; i++)
      base.push({
        x: 100 + 30 * Math.cos((Math.PI * i) / 10),
        y: 145 + 12 * Math.sin((Math.PI * i) / 10),
      });
    return base.map(({ x, y }) => ({
      x: dx + scale * (x * Math.cos(a) - y * Math.sin(a)),
      y: dy + scale * (x * Math.sin(a) + y * Math.cos(a)),
    }));
  }
  const area = { x: 0, y: 0, size: 200 };

  it('outlines a preset around the part’s own points, with its lids and margin', () => {
    const points = face(0, 0, 1, 0);
    const eye = facePartRect('left-eye', area, 0, points);
    expect(eye.x + eye.width / 2).toBeCloseTo(60, 0);
    expect(eye.y + eye.height / 2).toBeCloseTo(75, 0);
    expect(eye.width).toBeGreaterThan(36);
    expect(eye.height).toBeGreaterThan(0.5 * eye.width - 1);
    // Where the mean face would put it differs: the landmarks are what is used.
    expect(facePartRect('mouth', area, 0.35, points)).not.toEqual(facePartRect('mouth', area));
    expect(facePartRect('mouth', area, 0.35, points.slice(0, 60))).toEqual(
      facePartRect('mouth', area),
    );
  });

  it('places a pasted part onto the target’s part by a similarity transform', () => {
    const source = face(0, 0, 1, 0);
    const target = face(300, 40, 1.5, 12);
    const sourceMouth = facePartCentre('mouth', area, source);
    const origin = { x: sourceMouth.x + 4, y: sourceMouth.y - 2 };
    const placed = landmarkPlacement('mouth', origin, area, source, area, target);
    expect(placed).not.toBeNull();
    if (!placed) return;
    expect(placed.scale).toBeCloseTo(1.5, 6);
    expect(placed.angle).toBeCloseTo(12, 6);
    // The origin keeps its offset from the mouth, scaled and turned with the face.
    const to = facePartCentre('mouth', area, target);
    const a = (12 * Math.PI) / 180;
    expect(placed.x).toBeCloseTo(to.x + 1.5 * (4 * Math.cos(a) + 2 * Math.sin(a)), 6);
    expect(placed.y).toBeCloseTo(to.y + 1.5 * (4 * Math.sin(a) - 2 * Math.cos(a)), 6);
    expect(landmarkPlacement('mouth', origin, area, source, area, null)).toBeNull();
  });

  it('snaps onto the target’s own parts, also while a region is dragged', () => {
    const target = face(10, 20, 1, 0);
    const nose = facePartCentre('nose', area, target);
    const snapped = snapToFacePart({ x: nose.x + 3, y: nose.y - 2 }, area, SNAP_TOLERANCE, target);
    expect(snapped.part).toBe('nose');
    expect(snapped.point).toEqual(nose);
    const start = { x: 0, y: 0, scale: 1, angle: 0 };
    const dragged = dragPlacement(
      { mode: 'move', start, grab: { x: 0, y: 0 } },
      { x: nose.x + 2, y: nose.y + 2 },
      area,
      target,
    );
    expect(dragged.snappedTo).toBe('nose');
    expect(dragged.transform).toMatchObject({ x: nose.x, y: nose.y });
  });
});
