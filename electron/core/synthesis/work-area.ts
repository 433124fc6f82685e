/**
 * The work area: a square of the full-resolution photo, in photo pixels, that the network sees
 * at its working resolution. It may reach past the photo's edges (a face near a border); the
 * missing pixels are filled by repeating the edge, and nothing outside the photo is ever written.
 */
import sharp, { type Sharp } from 'sharp';
import { MAX_PHOTO_PIXELS } from '../../../shared/photo/photo-limits';

export interface WorkArea {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * Integer square of at least 16 px that overlaps the photo and is at most 1.5× its long side
 * (and 100 megapixels): padding a larger square would allocate memory for pixels that are not
 * there. Null (with a reason) when it is fine.
 */
export function checkWorkArea(area: WorkArea, width: number, height: number): string | null {
  const { x, y, size } = area;
  if (![x, y, size].every(Number.isInteger)) return 'the work area must be whole pixels';
  if (size < 16) return 'the work area must be at least 16 pixels wide';
  const largest = Math.min(
    Math.floor(1.5 * Math.max(width, height)),
    Math.floor(Math.sqrt(MAX_PHOTO_PIXELS)),
  );
  if (size > largest)
    return `the work area is ${size} pixels wide; for this ${width}×${height} photo it may be at most ${largest}`;
  if (x >= width || y >= height || x + size <= 0 || y + size <= 0)
    return 'the work area lies outside the photo';
  return null;
}

/**
 * Where the face is most likely when no detector has placed the work area: portraits put the
 * face in the upper middle. A square of 60% of the short side, centred horizontally, its centre
 * at 40% of the height. The person can move and resize it.
 */
export function defaultWorkArea(width: number, height: number): WorkArea {
  const size = Math.max(16, Math.round(Math.min(width, height) * 0.6));
  const x = Math.round((width - size) / 2);
  const y = Math.round(Math.min(Math.max(height * 0.4 - size / 2, 0), Math.max(0, height - size)));
  return { x, y, size };
}

/** The part of the work area inside the photo, in photo pixels. */
export function visiblePart(
  area: WorkArea,
  width: number,
  height: number,
): { left: number; top: number; width: number; height: number } {
  const left = Math.max(0, area.x);
  const top = Math.max(0, area.y);
  const right = Math.min(width, area.x + area.size);
  const bottom = Math.min(height, area.y + area.size);
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * The work area cut out of a full-size pipeline, at the area's own size: its visible part,
 * padded where the square leaves the picture — by repeating the edge (`'copy'`) or with a fixed
 * background. The result is a fresh pipeline that may be resized freely.
 *
 * sharp runs a pipeline's steps in a fixed order (extract, resize, extend), not in the order
 * they are chained, so `extract().extend().resize()` would pad after resizing and give a buffer
 * of the wrong size. Where the area crosses the edge the padded square is therefore made
 * (and its size checked) before anything else may resize it.
 */
export async function cutWorkArea(
  image: Sharp,
  width: number,
  height: number,
  area: WorkArea,
  padding: 'copy' | { r: number; g: number; b: number; alpha: number },
): Promise<Sharp> {
  const part = visiblePart(area, width, height);
  if (part.width <= 0 || part.height <= 0)
    throw new RangeError('the work area lies outside the photo');
  const inside = part.width === area.size && part.height === area.size;
  if (inside) return image.extract(part);
  const { data, info } = await image
    .extract(part)
    .extend({
      top: part.top - area.y,
      left: part.left - area.x,
      bottom: area.y + area.size - (part.top + part.height),
      right: area.x + area.size - (part.left + part.width),
      ...(padding === 'copy' ? { extendWith: 'copy' as const } : { background: padding }),
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (
    info.width !== area.size ||
    info.height !== area.size ||
    data.byteLength !== area.size * area.size * info.channels
  )
    throw new RangeError(
      `the padded work area came out ${info.width}×${info.height}×${info.channels}, not ${area.size}²`,
    );
  return sharp(data, { raw: { width: area.size, height: area.size, channels: info.channels } });
}

/**
 * The work area's pixels at `resolution`², 8-bit sRGB RGB interleaved, from an oriented sRGB
 * sharp pipeline of the photo (edges repeated where the area leaves the photo).
 */
export async function renderWorkArea(
  photo: Sharp,
  photoWidth: number,
  photoHeight: number,
  area: WorkArea,
  resolution: number,
): Promise<Uint8Array> {
  const cut = await cutWorkArea(photo.clone(), photoWidth, photoHeight, area, 'copy');
  const buffer = await cut
    .resize(resolution, resolution, { fit: 'fill', kernel: 'lanczos3' })
    .removeAlpha()
    .raw()
    .toBuffer();
  checkLength(buffer, resolution * resolution * 3, 'work area');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A raw buffer's length checked before it is read as an image of known size. */
export function checkLength(buffer: Uint8Array, expected: number, what: string): void {
  if (buffer.byteLength !== expected)
    throw new RangeError(`the ${what} buffer holds ${buffer.byteLength} bytes, not ${expected}`);
}
