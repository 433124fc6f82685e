/**
 * The iris tool's finish (iris-recolour.ts): where the photo has an iris under a mark, its own
 * iris — pupil, catchlight, texture — comes back in the mark's colour; lids, sclera and skin stay
 * the photo's; a mark over no iris leaves the network's rendering alone.
 */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument, type FaceDocument } from '../../../shared/document';
import {
  irisesToRecolour,
  labToRgb,
  planIrisRecolour,
  rgbToLab,
} from '../../../electron/core/synthesis/iris-recolour';

const SIZE = 120;
const CENTRE = { x: 60, y: 60 };
const IRIS = 20;

/** Skin, the white of an eye, a grey-blue textured iris, a dark pupil and a catchlight. */
function eye(withIris = true): Uint8Array {
  const rgb = new Uint8Array(3 * SIZE * SIZE);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const d = Math.hypot(x - CENTRE.x, y - CENTRE.y);
      const inEye = Math.abs(y - CENTRE.y) < 16 && Math.abs(x - CENTRE.x) < 50;
      let c = [214, 170, 150]; // skin
      if (inEye) c = [228, 226, 222]; // sclera
      if (withIris && inEye && d < IRIS) {
        const fibre = 10 * Math.sin(Math.atan2(y - CENTRE.y, x - CENTRE.x) * 24);
        c = [110 + fibre, 125 + fibre, 140 + fibre];
        if (d < 7) c = [18, 16, 16];
        if (Math.hypot(x - 54, y - 54) < 2.5) c = [252, 252, 250];
      }
      rgb.set(c, 3 * (y * SIZE + x));
    }
  return rgb;
}

const WIN = { left: 0, top: 0, width: SIZE, height: SIZE };
const at = (rgb: Uint8Array, x: number, y: number) => {
  const i = 3 * (y * SIZE + x);
  return rgbToLab(rgb[i] ?? 0, rgb[i + 1] ?? 0, rgb[i + 2] ?? 0);
};

describe('recolouring the photo’s own iris', () => {
  const photo = eye();
  const mark = { x: 62, y: 59, radius: 18, color: '#6b4226' }; // a little off, as a click is
  const plan = planIrisRecolour(photo, WIN, [mark]);

  it('moves the iris to the colour and keeps its texture', () => {
    expect(plan).not.toBeNull();
    if (!plan) return;
    const [, ta, tb] = rgbToLab(0x6b, 0x42, 0x26);
    // A ring through the iris: warmer (brown: a*, b* up) and still varying like the fibres.
    const before: number[] = [];
    const after: number[] = [];
    for (let k = 0; k < 48; k++) {
      const a = (2 * Math.PI * k) / 48;
      const x = Math.round(CENTRE.x + 13 * Math.cos(a));
      const y = Math.round(CENTRE.y + 13 * Math.sin(a));
      if (Math.abs(y - CENTRE.y) >= 16) continue;
      const [l0, a0, b0] = at(photo, x, y);
      const [l1, a1, b1] = at(plan.rgb, x, y);
      expect(a1 - a0).toBeGreaterThan(0.5 * (ta - a0) * 0.5);
      expect(b1 - b0).toBeGreaterThan(0.5 * (tb - b0) * 0.5);
      before.push(l0);
      after.push(l1);
    }
    const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
    expect(spread(after)).toBeGreaterThan(0.5 * spread(before));
  });

  it('keeps the pupil, the catchlight, the white of the eye and the skin exactly', () => {
    if (!plan) throw new Error('no plan');
    for (const [x, y] of [
      [60, 60], // pupil
      [54, 54], // catchlight
      [90, 60], // sclera, inside the mark's reach
      [60, 90], // skin below the eye, inside the reach
    ] as const) {
      const i = 3 * (y * SIZE + x);
      expect([...plan.rgb.subarray(i, i + 3)]).toEqual([...photo.subarray(i, i + 3)]);
    }
    // The photo's own pixels replace the network's over the mark's mask disc, nothing beyond.
    expect(plan.weight[60 * SIZE + 62]).toBeCloseTo(1, 5);
    expect(plan.weight[59 * SIZE + 5]).toBe(0);
  });

  it('a mark where the photo has no iris leaves the network’s rendering alone', () => {
    expect(planIrisRecolour(eye(false), WIN, [mark])).toBeNull();
  });
});

describe('CIELAB conversions', () => {
  it('round-trip sRGB within a level', () => {
    for (const [r, g, b] of [
      [0, 0, 0],
      [255, 255, 255],
      [107, 66, 38],
      [63, 111, 159],
      [12, 200, 90],
    ] as const) {
      const back = labToRgb(...rgbToLab(r, g, b));
      expect(
        Math.abs(back.r - r) + Math.abs(back.g - g) + Math.abs(back.b - b),
      ).toBeLessThanOrEqual(2);
    }
  });
});

describe('which iris marks recolour the photo’s iris', () => {
  const base = createEmptyDocument({ assetId: 'photo-1', width: 400, height: 300 }, 1);
  const withMark = (sketchNear: boolean): FaceDocument => ({
    ...base,
    layers: base.layers.map((layer) =>
      layer.kind === 'iris'
        ? {
            ...layer,
            marks: [{ id: 'i1', center: { x: 100, y: 100 }, radius: 10, color: '#6b4226' }],
          }
        : layer.kind === 'sketch' && sketchNear
          ? {
              ...layer,
              strokes: [
                {
                  id: 's1',
                  tool: 'paint' as const,
                  width: 2,
                  points: [{ x: 108, y: 104, pressure: 1 }],
                },
              ],
            }
          : layer,
    ),
  });

  it('every visible mark, unless the person is drawing that eye anew', () => {
    expect(irisesToRecolour(withMark(false))).toEqual([
      { x: 100, y: 100, radius: 10, color: '#6b4226' },
    ]);
    expect(irisesToRecolour(withMark(true))).toEqual([]);
  });
});
