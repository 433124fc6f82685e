import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePhoto } from '../../../electron/core/imaging/decode-photo';
import {
  BLUE,
  closeTo,
  cmykJpeg,
  corruptJpeg,
  jpegHeaderClaiming,
  jpegPhoto,
  NOT_AN_IMAGE,
  orientedJpeg,
  pixelAt,
  pngHeaderClaiming,
  pngPhoto,
  pngWithAlpha,
  RED,
  sixteenBitPng,
  SVG_DRAWING,
  tiffPhoto,
  truncatedJpeg,
  webpPhoto,
} from '../../support/photo-fixtures';

async function decodeOk(bytes: Uint8Array, fileName = 'photo') {
  const result = await decodePhoto(bytes, fileName);
  if (!result.ok)
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('decodePhoto', () => {
  it.each([
    ['jpeg', jpegPhoto],
    ['png', pngPhoto],
    ['webp', webpPhoto],
    ['tiff', tiffPhoto],
  ] as const)('decodes %s with its size and an sRGB preview', async (format, make) => {
    const bytes = await make(120, 80);
    const { info, preview } = await decodeOk(bytes, `photo.${format}`);
    expect(info).toEqual({
      fileName: `photo.${format}`,
      fileBytes: bytes.byteLength,
      format,
      width: 120,
      height: 80,
      orientation: 1,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: false,
    });
    expect(preview).toMatchObject({ mimeType: 'image/jpeg', width: 120, height: 80 });
    // The preview shows the picture: red on the left, blue on the right.
    expect(closeTo(await pixelAt(preview.bytes, 10, 40), RED)).toBe(true);
    expect(closeTo(await pixelAt(preview.bytes, 110, 40), BLUE)).toBe(true);
  });

  it('applies EXIF orientation: a 300 × 200 sensor image tagged 6 is a 200 × 300 portrait', async () => {
    const { info, preview } = await decodeOk(await orientedJpeg(300, 200, 6), 'portrait.jpg');
    expect(info).toMatchObject({ width: 200, height: 300, orientation: 6, hasExif: true });
    expect([preview.width, preview.height]).toEqual([200, 300]);
    // Orientation 6 turns the picture 90° clockwise: the stored left (red) half is now on top.
    expect(closeTo(await pixelAt(preview.bytes, 100, 40), RED)).toBe(true);
    expect(closeTo(await pixelAt(preview.bytes, 100, 260), BLUE)).toBe(true);
  });

  it('keeps the size of orientations that do not turn the picture (3: upside down)', async () => {
    const { info, preview } = await decodeOk(await orientedJpeg(300, 200, 3));
    expect([info.width, info.height, info.orientation]).toEqual([300, 200, 3]);
    // Upside down also mirrors left and right: red is now on the right.
    expect(closeTo(await pixelAt(preview.bytes, 280, 100), RED)).toBe(true);
  });

  it('downscales the preview to 2048 px on the long side, keeping the photo size', async () => {
    const { info, preview } = await decodeOk(await jpegPhoto(3000, 1500));
    expect([info.width, info.height]).toEqual([3000, 1500]);
    expect([preview.width, preview.height]).toEqual([2048, 1024]);
  });

  it('converts CMYK to 8-bit sRGB', async () => {
    const { preview } = await decodeOk(await cmykJpeg());
    const decoded = await sharp(preview.bytes).metadata();
    expect([decoded.space, decoded.channels]).toEqual(['srgb', 3]);
  });

  it('converts 16-bit photos to 8-bit sRGB', async () => {
    const { preview } = await decodeOk(await sixteenBitPng());
    const decoded = await sharp(preview.bytes).metadata();
    expect([decoded.space, decoded.depth]).toEqual(['srgb', 'uchar']);
  });

  it('keeps transparency in a PNG preview', async () => {
    const { info, preview } = await decodeOk(await pngWithAlpha());
    expect(info.hasAlpha).toBe(true);
    expect(preview.mimeType).toBe('image/png');
    expect((await sharp(preview.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('reports an embedded ICC profile', async () => {
    const tagged = await sharp(await jpegPhoto())
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    expect((await decodeOk(tagged)).info.hasIccProfile).toBe(true);
  });

  it.each([
    ['text', NOT_AN_IMAGE],
    ['noise behind a JPEG signature', corruptJpeg()],
    ['an empty file', new Uint8Array(0)],
  ])('refuses %s as unreadable, naming the file', async (_name, bytes) => {
    const result = await decodePhoto(bytes, 'dropped.jpg');
    expect(result).toEqual({
      ok: false,
      error: { code: 'photo-unreadable', message: expect.stringContaining('“dropped.jpg”') },
    });
  });

  it('refuses a truncated JPEG as damaged', async () => {
    const result = await decodePhoto(await truncatedJpeg(), 'cut.jpg');
    expect(result).toMatchObject({ ok: false, error: { code: 'photo-unreadable' } });
  });

  it('refuses drawings (SVG) as an unsupported format', async () => {
    const result = await decodePhoto(SVG_DRAWING, 'logo.svg');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'photo-unsupported-format', message: expect.stringContaining('SVG') },
    });
  });

  describe('size limits, checked from the header before decoding', () => {
    it.each([
      ['a PNG claiming 20,000 × 20,000', () => pngHeaderClaiming(20_000, 20_000)],
      ['a JPEG claiming 20,000 × 20,000', () => jpegHeaderClaiming(20_000, 20_000)],
      ['a 40,000 × 100 strip (too long a side)', () => pngHeaderClaiming(40_000, 100)],
    ])('refuses %s quickly, without allocating its pixels', async (_name, make) => {
      const bytes = await make();
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const result = await decodePhoto(bytes, 'huge.png');
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'photo-too-large', message: expect.stringMatching(/100 megapixels/) },
      });
      expect(performance.now() - started).toBeLessThan(2_000);
      // Decoding 20,000² RGB would take 1.2 GB; reading the header takes next to nothing.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    });

    it('states the size it refused in the message', async () => {
      const result = await decodePhoto(pngHeaderClaiming(20_000, 20_000), 'huge.png');
      expect(!result.ok && result.error.message).toBe(
        '“huge.png”: This photo is 20000 × 20000 pixels (400 megapixels). ' +
          'FaceShop opens photos up to 100 megapixels and 30000 pixels on a side.',
      );
    });
  });
});
