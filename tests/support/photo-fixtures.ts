/**
 * Photo files made on the fly for tests, so the repository holds no binary fixtures beyond the
 * one sample photo. Everything here is small: the "huge" images are headers that claim a huge
 * size over a few bytes of data, which is exactly what must be refused without decoding.
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

export interface SolidColour {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export const RED: SolidColour = { r: 220, g: 30, b: 30 };
export const BLUE: SolidColour = { r: 30, g: 40, b: 220 };

/** A width × height picture whose left half is `left` and right half is `right`, as raw RGB. */
export function twoToneRaw(width: number, height: number, left = RED, right = BLUE) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = x < width / 2 ? left : right;
      pixels.set([colour.r, colour.g, colour.b], (y * width + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

export async function jpegPhoto(width = 120, height = 80): Promise<Uint8Array> {
  return twoToneRaw(width, height).jpeg({ quality: 90 }).toBuffer();
}

export async function pngPhoto(width = 120, height = 80): Promise<Uint8Array> {
  return twoToneRaw(width, height).png().toBuffer();
}

export async function webpPhoto(width = 120, height = 80): Promise<Uint8Array> {
  return twoToneRaw(width, height).webp({ quality: 90 }).toBuffer();
}

export async function tiffPhoto(width = 120, height = 80): Promise<Uint8Array> {
  return twoToneRaw(width, height).tiff().toBuffer();
}

/**
 * A JPEG stored `width` × `height` (left half red) with EXIF orientation `orientation`, the way
 * cameras save portrait shots: pixels in sensor order plus a tag saying how to turn them.
 */
export async function orientedJpeg(width: number, height: number, orientation: number) {
  return twoToneRaw(width, height).jpeg().withMetadata({ orientation }).toBuffer();
}

export async function cmykJpeg(width = 64, height = 48): Promise<Uint8Array> {
  return twoToneRaw(width, height).toColourspace('cmyk').jpeg().toBuffer();
}

export async function pngWithAlpha(width = 64, height = 48): Promise<Uint8Array> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
}

export async function sixteenBitPng(width = 64, height = 48): Promise<Uint8Array> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 200, b: 90 } } })
    .toColourspace('rgb16')
    .png()
    .toBuffer();
}

/**
 * A valid PNG signature and IHDR claiming `width` × `height`, followed by a tiny IDAT and IEND.
 * Decoding it would need width × height × 3 bytes (1.2 GB for 20,000²); reading its header
 * needs a few bytes.
 */
export function pngHeaderClaiming(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  // bytes 10–12: compression, filter and interlace methods 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(16))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small real JPEG whose frame header (SOF) is rewritten to claim `width` × `height`. */
export async function jpegHeaderClaiming(width: number, height: number): Promise<Uint8Array> {
  const jpeg = Buffer.from(await jpegPhoto(16, 16));
  for (let i = 2; i < jpeg.length - 9; i++) {
    // SOF0 (baseline) or SOF2 (progressive): FF C0/C2, length, precision, height, width.
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return jpeg;
    }
  }
  throw new Error('no SOF marker in the generated JPEG');
}

export const NOT_AN_IMAGE = new TextEncoder().encode('These are meeting notes, not a photo.\n');

/** Bytes that start like a JPEG but then are noise. */
export function corruptJpeg(): Uint8Array {
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

/** The first half of a real JPEG: its header is fine, its pixels end early. */
export async function truncatedJpeg(): Promise<Uint8Array> {
  const jpeg = await jpegPhoto(400, 300);
  return jpeg.subarray(0, Math.floor(jpeg.length / 2));
}

export const SVG_DRAWING = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>',
);

/** The colour of the pixel at (x, y) of an encoded image, as decoded by sharp. */
export async function pixelAt(image: Uint8Array, x: number, y: number): Promise<SolidColour> {
  const { data } = await sharp(image)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { r: data[0] ?? 0, g: data[1] ?? 0, b: data[2] ?? 0 };
}

/** True when two colours differ by at most `tolerance` per channel (JPEG is lossy). */
export function closeTo(actual: SolidColour, expected: SolidColour, tolerance = 40): boolean {
  return (
    Math.abs(actual.r - expected.r) <= tolerance &&
    Math.abs(actual.g - expected.g) <= tolerance &&
    Math.abs(actual.b - expected.b) <= tolerance
  );
}

/** A smooth gradient with detail, every pixel distinct enough to notice a change. */
export function gradientRaw(width: number, height: number, phase = 0, period = 9): Sharp {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 3 * (y * width + x);
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = 128 + 60 * Math.sin((x + y + phase) / period);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}
