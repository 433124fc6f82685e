/**
 * The 100 % view: which part of the photo the canvas fetches at full resolution (only where the
 * preview would be magnified), and the backend's answer — the photo's own pixels, oriented and
 * converted like its preview, refused with a reason outside the photo.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { photoDetail } from '../../../electron/core/photos/photo-detail';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { MAX_DETAIL_SIDE } from '../../../shared/photo/photo-detail';
import type { PhotoInfo } from '../../../shared/photo/photo';
import { covers, detailRectFor, type DetailView } from '../../../renderer/canvas/detail-tile';
import { orientedJpeg } from '../../support/photo-fixtures';

const view = (over: Partial<DetailView>): DetailView => ({
  zoom: 1,
  offsetX: 0,
  offsetY: 0,
  viewWidth: 1200,
  viewHeight: 800,
  devicePixelRatio: 1,
  photoWidth: 6000,
  photoHeight: 4000,
  previewWidth: 2048,
  ...over,
});

describe('which part of the photo the canvas fetches at full resolution', () => {
  it('none while the preview is not magnified, or is the photo itself', () => {
    expect(detailRectFor(view({ zoom: 0.2 }))).toBeNull(); // fitted: the preview is enough
    expect(detailRectFor(view({ zoom: 0.36 }))).toBeNull(); // about the preview's own scale
    expect(
      detailRectFor(view({ zoom: 4, photoWidth: 512, photoHeight: 512, previewWidth: 512 })),
    ).toBeNull();
  });

  it('at 100 % the visible part with a margin, inside the photo', () => {
    const rect = detailRectFor(view({ zoom: 1, offsetX: -3000, offsetY: -2000 }));
    expect(rect).not.toBeNull();
    expect(covers(rect!, { x: 3000, y: 2000, width: 1200, height: 800 })).toBe(true);
    expect(rect!.width).toBeLessThanOrEqual(1200 * 1.25 + 2);
    // At the photo's corner the rectangle stops at its edge.
    const corner = detailRectFor(view({ zoom: 2, offsetX: 100, offsetY: 50 }))!;
    expect(corner.x).toBe(0);
    expect(corner.y).toBe(0);
    expect(corner.width).toBeLessThanOrEqual(700);
  });

  it('a high-density screen needs it sooner; a huge view is capped at one tile', () => {
    expect(detailRectFor(view({ zoom: 0.3 }))).toBeNull();
    expect(detailRectFor(view({ zoom: 0.3, devicePixelRatio: 2 }))).not.toBeNull();
    const wide = detailRectFor(
      view({ zoom: 0.5, viewWidth: 3000, viewHeight: 1800, devicePixelRatio: 2 }),
    )!;
    expect(wide.width).toBe(MAX_DETAIL_SIDE);
    expect(wide.height).toBeLessThanOrEqual(MAX_DETAIL_SIDE);
  });
});

describe('photoDetail (the backend)', () => {
  function store(bytes: Uint8Array, width: number, height: number) {
    const photos = new PhotoStore();
    const info: PhotoInfo = {
      fileName: 'p.jpg',
      fileBytes: bytes.length,
      format: 'jpeg',
      width,
      height,
      orientation: 6,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: true,
    };
    return { photos, asset: photos.add(info, bytes) };
  }

  it('gives the photo’s own pixels, oriented as its preview is', async () => {
    // Stored 120×80 with orientation 6: shown (and edited) as 80×120.
    const bytes = await orientedJpeg(120, 80, 6);
    const { photos, asset } = store(bytes, 80, 120);
    const answer = await photoDetail(
      { photoId: asset.id, x: 10, y: 20, width: 50, height: 60 },
      photos,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value).toMatchObject({ x: 10, y: 20, width: 50, height: 60 });
    expect(answer.value.rgba.length).toBe(4 * 50 * 60);
    const expected = await sharp(bytes)
      .autoOrient()
      .extract({ left: 10, top: 20, width: 50, height: 60 })
      .ensureAlpha()
      .raw()
      .toBuffer();
    expect(Buffer.from(answer.value.rgba).equals(expected)).toBe(true);
  });

  it('refuses a rectangle outside the photo, and a photo no longer open', async () => {
    const { photos, asset } = store(await orientedJpeg(120, 80, 6), 80, 120);
    const outside = await photoDetail(
      { photoId: asset.id, x: 40, y: 0, width: 50, height: 10 },
      photos,
    );
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!outside.ok) expect(outside.error.message).toMatch(/not inside the 80×120 photo/);
    const gone = await photoDetail(
      { photoId: 'photo-00000000-0000-4000-8000-000000000000', x: 0, y: 0, width: 1, height: 1 },
      photos,
    );
    expect(gone).toMatchObject({ ok: false, error: { code: 'photo-not-found' } });
  });
});
