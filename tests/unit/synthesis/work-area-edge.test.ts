/**
 * Work areas that cross the photo's edge (reliability finding 2). A photo Q is embedded in a
 * larger photo P whose margin is Q's own edge repeated outwards; a work area that leaves Q by
 * any edge or corner then sees exactly the pixels of the same square placed inside P. Before
 * the fix sharp padded after resizing, the buffer came out the wrong size and was read as
 * stripes; now the network input, the guidance and the whole edit agree with the inside one.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { editPhoto } from '../../../electron/core/synthesis/edit-photo';
import { guidanceFromImages } from '../../../electron/core/synthesis/guidance';
import { photoSourceFromBytes } from '../../../electron/core/synthesis/photo-source';
import { renderWorkArea, type WorkArea } from '../../../electron/core/synthesis/work-area';
import { gradientRaw } from '../../support/photo-fixtures';
import { useInstalledModel } from '../../support/installed-model';

const W = 200;
const H = 240;
const M = 100; // margin of P around Q
const SIZE = 180;

/** Q, and P = Q with its edge repeated M px outwards (a real file each, PNG). */
async function photos(): Promise<{ q: Buffer; p: Buffer }> {
  const qRaw = await gradientRaw(W, H, 0, 7).raw().toBuffer();
  const q = await sharp(qRaw, { raw: { width: W, height: H, channels: 3 } })
    .png()
    .toBuffer();
  const pRaw = await sharp(qRaw, { raw: { width: W, height: H, channels: 3 } })
    .extend({ top: M, bottom: M, left: M, right: M, extendWith: 'copy' })
    .raw()
    .toBuffer();
  const p = await sharp(pRaw, { raw: { width: W + 2 * M, height: H + 2 * M, channels: 3 } })
    .png()
    .toBuffer();
  return { q, p };
}

/** A mask plane of Q's size (0/255) with a disc, and the same disc in P's frame. */
function discPlanes(cx: number, cy: number, r: number): { q: Uint8Array; p: Uint8Array } {
  const q = new Uint8Array(W * H);
  const p = new Uint8Array((W + 2 * M) * (H + 2 * M));
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) {
        q[y * W + x] = 255;
        p[(y + M) * (W + 2 * M) + x + M] = 255;
      }
  return { q, p };
}

const planePng = (plane: Uint8Array, width: number, height: number) =>
  sharp(plane, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();

// Every edge and corner: x left of / inside / right of Q, the same for y (inside both excluded).
const offsets: Array<{ name: string; x: number; y: number }> = [];
for (const [nx, x] of [
  ['left', -60],
  ['', 10],
  ['right', 80],
] as const)
  for (const [ny, y] of [
    ['top', -60],
    ['', 30],
    ['bottom', 120],
  ] as const)
    if (nx !== '' || ny !== '') offsets.push({ name: [ny, nx].filter(Boolean).join('-'), x, y });

const model = useInstalledModel();

describe('work areas across the photo edge', () => {
  it.each(offsets)(
    '$name: the network input equals the same square inside a larger photo',
    async ({ x, y }) => {
      const { q, p } = await photos();
      const sq = await photoSourceFromBytes('q', q);
      const sp = await photoSourceFromBytes('p', p);
      const area: WorkArea = { x, y, size: SIZE };
      const inside: WorkArea = { x: x + M, y: y + M, size: SIZE };
      const a = await renderWorkArea(sq.open(), W, H, area, 256);
      const b = await renderWorkArea(sp.open(), W + 2 * M, H + 2 * M, inside, 256);
      expect(a.byteLength).toBe(256 * 256 * 3);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    },
  );

  it('guidance planes (mask, sketch, colour) cut across every edge match the inside ones', async () => {
    for (const { x, y } of offsets) {
      const area: WorkArea = { x, y, size: SIZE };
      const inside: WorkArea = { x: x + M, y: y + M, size: SIZE };
      // A disc near Q's corner nearest the area's centre, so each area holds some of it.
      const cx = Math.min(W - 25, Math.max(25, x + SIZE / 2));
      const cy = Math.min(H - 25, Math.max(25, y + SIZE / 2));
      const mask = discPlanes(cx, cy, 20);
      const line = discPlanes(cx, cy, 6);
      const colour = (plane: Uint8Array, width: number, height: number) => {
        const rgba = new Uint8Array(plane.length * 4);
        for (let i = 0; i < plane.length; i++) if (plane[i]) rgba.set([200, 40, 90, 255], 4 * i);
        return sharp(rgba, { raw: { width, height, channels: 4 } })
          .png()
          .toBuffer();
      };
      const sketchPng = async (plane: Uint8Array, width: number, height: number) => {
        const inverted = plane.map((v) => 255 - v);
        return planePng(inverted, width, height);
      };
      const gq = await guidanceFromImages(
        {
          mask: await planePng(mask.q, W, H),
          sketch: await sketchPng(line.q, W, H),
          color: await colour(line.q, W, H),
        },
        mask.q,
        W,
        H,
        area,
        256,
      );
      const PW = W + 2 * M;
      const PH = H + 2 * M;
      const gp = await guidanceFromImages(
        {
          mask: await planePng(mask.p, PW, PH),
          sketch: await sketchPng(line.p, PW, PH),
          color: await colour(line.p, PW, PH),
        },
        mask.p,
        PW,
        PH,
        inside,
        256,
      );
      expect(gq.mask.some((v) => v > 0)).toBe(true);
      expect(Array.from(gq.mask)).toEqual(Array.from(gp.mask));
      expect(Array.from(gq.sketch)).toEqual(Array.from(gp.sketch));
      expect(Array.from(gq.color)).toEqual(Array.from(gp.color));
    }
  }, 60_000);

  it('an edit through a work area past the top-left corner is the edit placed inside', async () => {
    const { q, p } = await photos();
    const mask = discPlanes(40, 50, 22);
    const area: WorkArea = { x: -60, y: -60, size: SIZE };
    const a = await editPhoto(model.synth, {
      photo: q,
      photoLabel: 'q.png',
      guidance: { mask: await planePng(mask.q, W, H) },
      seed: 5,
      workArea: area,
      export: { format: 'png' },
    });
    const b = await editPhoto(model.synth, {
      photo: p,
      photoLabel: 'p.png',
      guidance: { mask: await planePng(mask.p, W + 2 * M, H + 2 * M) },
      seed: 5,
      workArea: { x: area.x + M, y: area.y + M, size: SIZE },
      export: { format: 'png' },
    });
    const ra = await sharp(a.bytes).removeAlpha().raw().toBuffer();
    const rb = await sharp(b.bytes)
      .extract({ left: M, top: M, width: W, height: H })
      .removeAlpha()
      .raw()
      .toBuffer();
    const original = await sharp(q).removeAlpha().raw().toBuffer();
    let worst = 0;
    let changed = 0;
    for (let i = 0; i < ra.length; i++) {
      worst = Math.max(worst, Math.abs((ra[i] as number) - (rb[i] as number)));
      if (ra[i] !== original[i]) changed++;
    }
    expect(changed).toBeGreaterThan(500); // the edit did something
    expect(worst).toBeLessThanOrEqual(1);
  }, 60_000);
});
