/**
 * The photo that comes back is the photo that went in (files issue): a Display P3 photo keeps its
 * profile byte for byte and every untouched pixel its stored value; the edited pixels are
 * converted from FaceShop's sRGB into P3 (read back through the profile they match the sRGB
 * result); an opaque photo gains no alpha; a photo without a profile stays untagged. Through
 * `editPhoto`, what `faceshop edit` runs, with the real model.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { editPhoto } from '../../../electron/core/synthesis/edit-photo';
import { gradientRaw } from '../../support/photo-fixtures';
import { useInstalledModel } from '../../support/installed-model';

const model = useInstalledModel();

const W = 320;
const H = 240;

async function disc(cx: number, cy: number, r: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="100%" height="100%" fill="black"/><circle cx="${cx}" cy="${cy}" r="${r}" fill="white"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function edit(photo: Buffer, format: 'png' | 'tiff' | 'jpeg' | 'webp') {
  return editPhoto(model.synth, {
    photo,
    photoLabel: `p3.${format}`,
    guidance: { mask: await disc(160, 120, 30) },
    seed: 2,
    workArea: { x: 40, y: 0, size: 240 },
    export: { format },
  });
}

describe('bit depth kept', () => {
  it.each(['png', 'tiff'] as const)(
    'a 16-bit %s (with a P3 profile) comes back 16-bit, every untouched pixel identical at 16 bits',
    async (format) => {
      const px = new Uint16Array(W * H * 3);
      for (let i = 0; i < px.length; i++) px[i] = (i * 977 + ((i / 3) | 0) * 31) % 65536;
      const png = await sharp(px, { raw: { width: W, height: H, channels: 3 } })
        .pipelineColourspace('rgb16')
        .toColourspace('rgb16')
        .withIccProfile('p3')
        .png()
        .toBuffer();
      // (libvips writes a 16-bit TIFF from a 16-bit pipeline that keeps its profile as is.)
      const photo =
        format === 'png'
          ? png
          : await sharp(png)
              .pipelineColourspace('rgb16')
              .keepMetadata()
              .toColourspace('rgb16')
              .tiff({ compression: 'lzw' })
              .toBuffer();
      expect((await sharp(photo).metadata()).depth).toBe('ushort');
      const result = await edit(photo, format);
      const meta = await sharp(result.bytes).metadata();
      expect(meta.depth).toBe('ushort');
      expect(meta.channels).toBe(3);
      const read = async (bytes: Buffer) => {
        const raw = await sharp(bytes)
          .pipelineColourspace('rgb16')
          .keepIccProfile()
          .toColourspace('rgb16')
          .raw({ depth: 'ushort' })
          .toBuffer();
        return new Uint16Array(raw.buffer, raw.byteOffset, raw.length / 2);
      };
      const before = await read(photo);
      const after = await read(result.bytes);
      const { region } = result;
      let untouchedChanged = 0;
      let edited = 0;
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const rx = x - region.left;
          const ry = y - region.top;
          const inEdit =
            rx >= 0 &&
            ry >= 0 &&
            rx < region.width &&
            ry < region.height &&
            region.changed[ry * region.width + rx] === 1;
          const i = 3 * (y * W + x);
          const same =
            after[i] === before[i] &&
            after[i + 1] === before[i + 1] &&
            after[i + 2] === before[i + 2];
          if (inEdit) edited++;
          else if (!same) untouchedChanged++;
        }
      expect(edited).toBeGreaterThan(1000);
      expect(untouchedChanged).toBe(0);
    },
    60_000,
  );
});

describe('metadata kept', () => {
  it('EXIF and XMP (copyright, caption) come back, orientation is applied once, the software tag is FaceShop', async () => {
    const xmp =
      '<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:rights>© Jane Doe 2026</dc:rights></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    const raw = await gradientRaw(W, H, 1, 13).raw().toBuffer();
    // (libvips writes no EXIF into TIFF, so a TIFF fixture could not carry it.)
    for (const format of ['jpeg', 'png'] as const) {
      const photo = await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
        .withExif({ IFD0: { Copyright: 'Jane Doe', Artist: 'Jane', Software: 'Camera 1.0' } })
        .withXmp(xmp)
        .toFormat(format)
        .toBuffer();
      const result = await edit(photo, format);
      const meta = await sharp(result.bytes).metadata();
      const exif = meta.exif?.toString('latin1') ?? '';
      expect(exif).toContain('Jane Doe');
      expect(exif).toContain('FaceShop');
      expect(exif).not.toContain('Camera 1.0');
      expect(meta.xmp?.toString('utf8') ?? '').toContain('© Jane Doe 2026');
      expect(meta.orientation ?? 1).toBe(1);
    }
  }, 60_000);
});

describe('colour and channels kept', () => {
  it.each(['png', 'tiff', 'webp'] as const)(
    'a Display P3 %s keeps its profile and its untouched values; the edit is converted into P3',
    async (format) => {
      const raw = await gradientRaw(W, H, 0, 11).raw().toBuffer();
      const photo = await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
        .withIccProfile('p3')
        .toFormat(format, format === 'webp' ? { lossless: true } : {})
        .toBuffer();
      const before = await sharp(photo).metadata();
      const stored = await sharp(photo).keepIccProfile().raw().toBuffer();
      const result = await edit(photo, format);
      const after = await sharp(result.bytes).metadata();
      expect(after.icc?.equals(before.icc as Buffer)).toBe(true);
      expect(after.channels).toBe(3);
      const out = await sharp(result.bytes).keepIccProfile().raw().toBuffer();
      // Untouched: every pixel the edit did not change keeps its stored P3 value.
      const { region } = result;
      let untouchedChanged = 0;
      let edited = 0;
      let worst = 0;
      const outAsSrgb = await sharp(result.bytes).toColourspace('srgb').raw().toBuffer();
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const i = 3 * (y * W + x);
          const rx = x - region.left;
          const ry = y - region.top;
          const inRegion = rx >= 0 && ry >= 0 && rx < region.width && ry < region.height;
          const k = ry * region.width + rx;
          if (!inRegion || region.changed[k] !== 1) {
            if (
              out[i] !== stored[i] ||
              out[i + 1] !== stored[i + 1] ||
              out[i + 2] !== stored[i + 2]
            )
              untouchedChanged++;
            continue;
          }
          edited++;
          // Read back through the profile, the edited pixels are the sRGB result.
          for (let c = 0; c < 3; c++)
            worst = Math.max(
              worst,
              Math.abs((outAsSrgb[i + c] as number) - (region.rgb[3 * k + c] as number)),
            );
        }
      expect(untouchedChanged).toBe(0);
      expect(edited).toBeGreaterThan(1000);
      expect(worst).toBeLessThanOrEqual(3);
    },
    60_000,
  );

  it('a JPEG keeps its profile; a photo without one stays untagged; alpha is kept only where it was', async () => {
    const raw = await gradientRaw(W, H, 3, 9).raw().toBuffer();
    const p3jpeg = await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer();
    const jpegOut = await edit(p3jpeg, 'jpeg');
    expect(
      (await sharp(jpegOut.bytes).metadata()).icc?.equals(
        (await sharp(p3jpeg).metadata()).icc as Buffer,
      ),
    ).toBe(true);

    const untagged = await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
      .png()
      .toBuffer();
    const plain = await sharp((await edit(untagged, 'png')).bytes).metadata();
    expect(plain.icc).toBeUndefined();
    expect(plain.channels).toBe(3);

    const rgba = Buffer.alloc(W * H * 4);
    for (let i = 0; i < W * H; i++) {
      rgba.set(raw.subarray(3 * i, 3 * i + 3), 4 * i);
      rgba[4 * i + 3] = i % W < 20 ? 0 : 200;
    }
    const withAlpha = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
      .png()
      .toBuffer();
    const out = await sharp((await edit(withAlpha, 'png')).bytes)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(out.info.channels).toBe(4);
    expect(out.data[4 * 5 + 3]).toBe(0); // a transparent corner stays transparent
    expect(out.data[4 * (120 * W + 300) + 3]).toBe(200);
    // Inside the edit the colour changed but the photo's alpha is its own.
    expect(out.data[4 * (120 * W + 160) + 3]).toBe(200);
  }, 60_000);
});
