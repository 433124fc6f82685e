import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_FILE_BYTES,
  photoFileSizeRefusal,
  photoSizeRefusal,
} from '../../../shared/photo/photo-limits';

describe('photo limits', () => {
  it.each([
    [10_000, 10_000],
    [30_000, 3_000],
    [1, 1],
  ])('accepts %i × %i', (width, height) => {
    expect(photoSizeRefusal(width, height)).toBeNull();
  });

  it.each([
    [10_001, 10_000],
    [30_001, 10],
    [10, 30_001],
    [20_000, 20_000],
  ])('refuses %i × %i', (width, height) => {
    expect(photoSizeRefusal(width, height)).toMatch(/^This photo is \d+ × \d+ pixels/);
  });

  it('refuses files over the byte limit', () => {
    expect(photoFileSizeRefusal(MAX_PHOTO_FILE_BYTES)).toBeNull();
    expect(photoFileSizeRefusal(MAX_PHOTO_FILE_BYTES + 1)).toMatch(/up to 512 MB/);
  });
});
