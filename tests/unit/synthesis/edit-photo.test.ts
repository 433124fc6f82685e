/**
 * `faceshop edit`'s pipeline on generated photos with the real model: any size in, the same
 * size out, bit-identical outside the feathered mask, changed inside; EXIF orientation; clear
 * refusals; and latest-wins for the editor's requests.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  EditInputError,
  editPhoto,
  workAreaAroundMask,
} from '../../../electron/core/synthesis/edit-photo';
import { guidanceFromStrokes } from '../../../electron/core/synthesis/guidance';
import { featherSigma } from '../../../electron/core/synthesis/paste-back';
import {
  PhotoReadError,
  photoSourceFromBytes,
} from '../../../electron/core/synthesis/photo-source';
import { SynthesisService } from '../../../electron/core/synthesis/synthesis-service';
import { gradientRaw } from '../../support/photo-fixtures';
import { useInstalledModel } from '../../support/installed-model';

const model = useInstalledModel();

/** A smooth colourful gradient with fine detail: every pixel distinct enough to notice changes. */
const gradientPhoto = (width: number, height: number) => gradientRaw(width, height, 0, 40);

async function maskPng(
  width: number,
  height: number,
  cx: number,
  cy: number,
  r: number,
): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="black"/><circle cx="${cx}" cy="${cy}" r="${r}" fill="white"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function rgbOf(bytes: Uint8Array): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('editPhoto', () => {
  it('edits a 6000×4000 photo: same size, identical outside the feathered mask, changed inside', async () => {
    const width = 6000;
    const height = 4000;
    const photo = await gradientPhoto(width, height).jpeg({ quality: 92 }).toBuffer();
    const [cx, cy, r] = [4100, 1500, 120];
    const result = await editPhoto(model.synth, {
      photo,
      photoLabel: 'big.jpg',
      guidance: { mask: await maskPng(width, height, cx, cy, r) },
      seed: 3,
      workArea: null,
      export: { format: 'png' },
    });
    expect([result.width, result.height]).toEqual([width, height]);
    const before = await rgbOf(photo);
    const after = await rgbOf(result.bytes);
    expect([after.width, after.height]).toEqual([width, height]);
    // The feather reaches ~3σ past the mask edge; beyond that nothing may change.
    const reach = r + 3 * featherSigma(result.workArea) + 2;
    let outsideChanged = 0;
    let insideChanged = 0;
    let inside = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 3 * (y * width + x);
        const changed =
          before.data[i] !== after.data[i] ||
          before.data[i + 1] !== after.data[i + 1] ||
          before.data[i + 2] !== after.data[i + 2];
        const d = Math.hypot(x - cx, y - cy);
        if (d > reach && changed) outsideChanged++;
        if (d < r - 3 * featherSigma(result.workArea)) {
          inside++;
          if (changed) insideChanged++;
        }
      }
    }
    expect(outsideChanged).toBe(0);
    expect(insideChanged / inside).toBeGreaterThan(0.5);
  }, 120_000);

  it('respects EXIF orientation: the mask and the output are in the oriented frame', async () => {
    const stored = await gradientPhoto(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const result = await editPhoto(model.synth, {
      photo: stored,
      photoLabel: 'turned.jpg',
      guidance: { mask: await maskPng(200, 300, 100, 120, 20) },
      seed: 1,
      workArea: { x: 0, y: 20, size: 200 },
      export: { format: 'png' },
    });
    const meta = await sharp(result.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([200, 300]);
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('refuses a corrupt photo, a mask of the wrong size and an empty mask, with clear messages', async () => {
    const photo = await gradientPhoto(120, 80).png().toBuffer();
    const base = {
      photoLabel: 'p.png',
      seed: 0,
      workArea: null,
      export: { format: 'png' as const },
    };
    await expect(
      editPhoto(model.synth, {
        ...base,
        photo: Buffer.from('not a photo at all'),
        guidance: { mask: await maskPng(120, 80, 60, 40, 10) },
      }),
    ).rejects.toThrow(PhotoReadError);
    await expect(
      editPhoto(model.synth, {
        ...base,
        photo,
        guidance: { mask: await maskPng(100, 80, 60, 40, 10) },
      }),
    ).rejects.toThrow(/mask image is 100×80 but the photo is 120×80/);
    await expect(
      editPhoto(model.synth, {
        ...base,
        photo,
        guidance: { mask: await maskPng(120, 80, 60, 40, 0) },
      }),
    ).rejects.toThrow(EditInputError);
    await expect(
      editPhoto(model.synth, {
        ...base,
        photo,
        guidance: { mask: await maskPng(120, 80, 60, 40, 0) },
      }),
    ).rejects.toThrow(/the mask is empty/);
  });

  it('refuses SVG (and other non-raster files) as the photo or as guidance, before decoding (finding 8)', async () => {
    const photo = await gradientPhoto(120, 80).png().toBuffer();
    const mask = await maskPng(120, 80, 60, 40, 10);
    // A drawing that would load a file from disk if it were rendered.
    const svg = Buffer.from(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80"><image xlink:href="/etc/passwd" width="120" height="80"/></svg>',
    );
    const base = {
      photoLabel: 'p.png',
      seed: 0,
      workArea: null,
      export: { format: 'png' as const },
    };
    await expect(
      editPhoto(model.synth, { ...base, photo: svg, guidance: { mask } }),
    ).rejects.toThrow(/p\.png is an SVG drawing; FaceShop reads JPEG, PNG/);
    await expect(
      editPhoto(model.synth, { ...base, photo, guidance: { mask: svg } }),
    ).rejects.toThrow(/the mask image is an SVG drawing/);
    await expect(
      editPhoto(model.synth, {
        ...base,
        photo,
        guidance: { mask, sketch: Buffer.from('%PDF-1.7 ...') },
      }),
    ).rejects.toThrow(/the sketch image is a PDF document/);
  });

  it('centres a face-sized work area on the mask', () => {
    const area = workAreaAroundMask({ x0: 4000, y0: 1400, x1: 4199, y1: 1599 }, 6000, 4000);
    expect(area.size).toBe(2400);
    expect(area.x + area.size / 2).toBeCloseTo(4100, 0);
    expect(area.y + area.size / 2).toBeCloseTo(1500, 0);
  });
});

describe('latest-wins synthesis', () => {
  it('ten rapid requests give one result, for the newest revision, and nine superseded', async () => {
    const bytes = await gradientPhoto(512, 512).png().toBuffer();
    const photo = await photoSourceFromBytes('rapid', bytes);
    const service = new SynthesisService(model.synth);
    const area = { x: 0, y: 0, size: 512 };
    const requests = Array.from({ length: 10 }, (_, revision) =>
      service.request({
        photo,
        workArea: area,
        seed: revision,
        revision,
        guidance: guidanceFromStrokes(
          {
            mask: [{ tool: 'paint', width: 60 + revision, points: [{ x: 256, y: 256 }] }],
            sketch: [],
            color: [],
          },
          area,
          256,
        ),
      }),
    );
    const outcomes = await Promise.all(requests);
    expect(outcomes.filter((o) => o.status === 'superseded').map((o) => o.revision)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const done = outcomes.filter((o) => o.status === 'done');
    expect(done.map((o) => o.revision)).toEqual([9]);
  }, 60_000);
});
