/**
 * The full-resolution detail stage, through `editPhoto` (what `faceshop edit` runs) with the real
 * model, on generated photos with grain: the fill gets the photo's grain back (the network alone
 * gives a smooth patch), what the mask removed does not come back, the result is the same for
 * the same seed, pixels outside the feathered mask are untouched, and tiny, full, native-size,
 * edge-crossing and 4,000-px work areas all work.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { editPhoto, type EditResult } from '../../../electron/core/synthesis/edit-photo';
import { featherSigma } from '../../../electron/core/synthesis/paste-back';
import { seededRandom } from '../../../electron/core/synthesis/noise';
import type { WorkArea } from '../../../electron/core/synthesis/work-area';
import { useInstalledModel } from '../../support/installed-model';

const model = useInstalledModel();

/**
 * Skin-like: a soft gradient plus fine grain (±14 levels, about 1.5 px), optionally with a
 * high-contrast stripe pattern inside a disc (a "wrinkle field" to remove).
 */
function grainyPhoto(
  width: number,
  height: number,
  stripes?: { cx: number; cy: number; r: number },
): Uint8Array {
  const rand = seededRandom(7); // the same fixture on every run
  const grain = new Float32Array(width * height);
  for (let i = 0; i < grain.length; i++) grain[i] = rand() * 2 - 1;
  const rgb = new Uint8Array(3 * width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // A 2×2-ish grain: the mean of four neighbours of uniform noise, scaled up again.
      const g =
        14 *
        ((grain[i] as number) +
          (grain[y * width + Math.min(width - 1, x + 1)] as number) +
          (grain[Math.min(height - 1, y + 1) * width + x] as number));
      let s = 0;
      if (stripes && (x - stripes.cx) ** 2 + (y - stripes.cy) ** 2 <= stripes.r ** 2)
        s = x % 4 < 2 ? 40 : -40;
      const base = [190 - (y / height) * 40, 140 - (x / width) * 20, 120];
      for (let c = 0; c < 3; c++)
        rgb[3 * i + c] = Math.max(0, Math.min(255, Math.round((base[c] as number) + g + s)));
    }
  return rgb;
}

const png = (rgb: Uint8Array, width: number, height: number) =>
  sharp(rgb, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();

function discMask(width: number, height: number, cx: number, cy: number, r: number) {
  const plane = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) plane[y * width + x] = 255;
  return sharp(plane, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
}

async function edit(
  photo: Buffer,
  mask: Buffer,
  workArea: WorkArea,
  detail: 'transfer' | 'off',
  seed = 1,
  color?: Buffer,
): Promise<EditResult & { rgb: Buffer }> {
  const result = await editPhoto(model.synth, {
    photo,
    photoLabel: 'grain.png',
    guidance: color ? { mask, color } : { mask },
    seed,
    workArea,
    export: { format: 'png' },
    detail,
  });
  const rgb = await sharp(result.bytes).removeAlpha().raw().toBuffer();
  return { ...result, rgb };
}

/** Mean |pixel − mean of its 3×3 neighbourhood| of luminance over a disc: the fine detail. */
function detailIn(rgb: Uint8Array, width: number, cx: number, cy: number, r: number): number {
  const lum = (x: number, y: number) => {
    const i = 3 * (y * width + x);
    return (
      0.299 * (rgb[i] as number) + 0.587 * (rgb[i + 1] as number) + 0.114 * (rgb[i + 2] as number)
    );
  };
  let sum = 0;
  let count = 0;
  for (let y = cy - r; y <= cy + r; y++)
    for (let x = cx - r; x <= cx + r; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) continue;
      let mean = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) mean += lum(x + dx, y + dy);
      sum += Math.abs(lum(x, y) - mean / 9);
      count++;
    }
  return sum / count;
}

describe('the detail stage', () => {
  const W = 1024;
  const H = 1024;
  const area: WorkArea = { x: 0, y: 0, size: 1024 }; // 4× the network's frame

  it("fills with the photo's own grain where the network alone leaves a smooth patch", async () => {
    const rgb = grainyPhoto(W, H);
    const photo = await png(rgb, W, H);
    const mask = await discMask(W, H, 500, 540, 110);
    const ours = await edit(photo, mask, area, 'transfer');
    const base = await edit(photo, mask, area, 'off');
    expect(ours.region.detail).toBe('transferred');
    expect(base.region.detail).toBe('off');
    const real = detailIn(rgb, W, 500, 540, 90);
    const withDetail = detailIn(ours.rgb, W, 500, 540, 90) / real;
    const alone = detailIn(base.rgb, W, 500, 540, 90) / real;
    expect(alone).toBeLessThan(0.4);
    expect(withDetail).toBeGreaterThan(0.75);
    expect(withDetail).toBeLessThan(1.3);
    // The same seed gives the same pixels.
    const again = await edit(photo, mask, area, 'transfer');
    expect(again.rgb.equals(ours.rgb)).toBe(true);
    // Outside the feathered mask every pixel is the photo's.
    const reach = 110 + 3 * featherSigma(area) + 2;
    let outsideChanged = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        if ((x - 500) ** 2 + (y - 540) ** 2 <= reach * reach) continue;
        const i = 3 * (y * W + x);
        if (
          ours.rgb[i] !== rgb[i] ||
          ours.rgb[i + 1] !== rgb[i + 1] ||
          ours.rgb[i + 2] !== rgb[i + 2]
        )
          outsideChanged++;
      }
    expect(outsideChanged).toBe(0);
  }, 120_000);

  it('a removal (mask alone) aims at less grain than a guided edit, still most of it', async () => {
    const rgb = grainyPhoto(W, H);
    const photo = await png(rgb, W, H);
    const mask = await discMask(W, H, 500, 540, 110);
    // A guided edit: one small colour stroke of the skin's own colour inside the mask's edge.
    const plane = new Uint8Array(4 * W * H);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++)
        if ((x - 420) ** 2 + (y - 540) ** 2 <= 12 * 12) {
          const i = 3 * (y * W + x);
          plane.set(
            [rgb[i] as number, rgb[i + 1] as number, rgb[i + 2] as number, 255],
            4 * (y * W + x),
          );
        }
    const color = await sharp(plane, { raw: { width: W, height: H, channels: 4 } })
      .png()
      .toBuffer();
    const removal = await edit(photo, mask, area, 'transfer');
    const guided = await edit(photo, mask, area, 'transfer', 1, color);
    // Measured away from the colour stroke (the right half of the disc).
    const real = detailIn(rgb, W, 560, 540, 40);
    const removed = detailIn(removal.rgb, W, 560, 540, 40) / real;
    const drawn = detailIn(guided.rgb, W, 560, 540, 40) / real;
    expect(removed).toBeGreaterThan(0.7);
    expect(drawn / removed).toBeGreaterThan(1.05);
  }, 120_000);

  it('does not bring back the detail the mask removes', async () => {
    const rgb = grainyPhoto(W, H, { cx: 512, cy: 512, r: 70 });
    const photo = await png(rgb, W, H);
    const ours = await edit(photo, await discMask(W, H, 512, 512, 90), area, 'transfer');
    // Correlation of the result with the ±40 stripes (period 4 px) over the stripes' disc.
    let dot = 0;
    let count = 0;
    for (let y = 452; y <= 572; y++)
      for (let x = 452; x <= 572; x++) {
        if ((x - 512) ** 2 + (y - 512) ** 2 > 60 * 60) continue;
        const i = 3 * (y * W + x);
        const stripe = x % 4 < 2 ? 1 : -1;
        const left = 3 * (y * W + x - 1);
        const right = 3 * (y * W + x + 1);
        dot +=
          stripe *
          ((ours.rgb[i] as number) -
            ((ours.rgb[left] as number) + (ours.rgb[right] as number)) / 2);
        count++;
      }
    // In the photo this is about 40; the grain alone averages to ~0.
    expect(Math.abs(dot / count)).toBeLessThan(4);
  }, 120_000);

  it('tiny, full, native-size and edge-crossing work areas', async () => {
    const rgb = grainyPhoto(W, H);
    const photo = await png(rgb, W, H);
    // A 3-px blemish.
    const tiny = await edit(photo, await discMask(W, H, 300, 300, 3), area, 'transfer');
    expect(tiny.region.detail).toBe('transferred');
    expect(tiny.region.changedPixels).toBeGreaterThan(0);
    // The whole work area masked: no context to borrow from, the network's output stands.
    const full = await edit(photo, await discMask(W, H, 512, 512, 800), area, 'transfer');
    expect(full.region.detail).toBe('not-needed');
    // A work area at the network's own size needs nothing.
    const native = await edit(
      photo,
      await discMask(W, H, 600, 600, 30),
      { x: 480, y: 480, size: 256 },
      'transfer',
    );
    expect(native.region.detail).toBe('not-needed');
    // A work area past the photo's top-left corner.
    const edge = await edit(
      photo,
      await discMask(W, H, 120, 140, 60),
      { x: -300, y: -260, size: 900 },
      'transfer',
    );
    expect(edge.region.detail).toBe('transferred');
    expect(detailIn(edge.rgb, W, 120, 140, 45) / detailIn(rgb, W, 120, 140, 45)).toBeGreaterThan(
      0.7,
    );
  }, 180_000);

  it('a 4,000-px work area on a 12-megapixel photo', async () => {
    const w = 4000;
    const h = 3000;
    const rgb = grainyPhoto(w, h);
    const photo = await sharp(rgb, { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const decoded = await sharp(photo).raw().toBuffer();
    const result = await edit(
      photo,
      await discMask(w, h, 2100, 1500, 260),
      { x: 0, y: -500, size: 4000 },
      'transfer',
    );
    expect(result.region.detail).toBe('transferred');
    expect(
      detailIn(result.rgb, w, 2100, 1500, 200) / detailIn(decoded, w, 2100, 1500, 200),
    ).toBeGreaterThan(0.7);
  }, 180_000);
});
