import { describe, expect, it } from 'vitest';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import type { PhotoInfo } from '../../../shared/photo/photo';

const info: PhotoInfo = {
  fileName: 'a.jpg',
  fileBytes: 3,
  format: 'jpeg',
  width: 1,
  height: 1,
  orientation: 1,
  hasAlpha: false,
  hasIccProfile: false,
  hasExif: false,
};

describe('PhotoStore', () => {
  it('gives every photo its own id', () => {
    const store = new PhotoStore();
    const a = store.add(info, new Uint8Array([1]));
    const b = store.add(info, new Uint8Array([2]));
    expect(a.id).not.toBe(b.id);
    expect(store.get(a.id)?.source).toEqual(new Uint8Array([1]));
  });

  it('releases the least recently used photo beyond its capacity', () => {
    const store = new PhotoStore(2);
    const first = store.add(info, new Uint8Array([1]));
    const second = store.add(info, new Uint8Array([2]));
    store.get(first.id); // first is now the most recently used
    const third = store.add(info, new Uint8Array([3]));
    expect(store.get(second.id)).toBeUndefined();
    expect(store.get(first.id)).toBeDefined();
    expect(store.get(third.id)).toBeDefined();
    expect(store.size).toBe(2);
  });

  it('refuses a capacity that could hold nothing', () => {
    expect(() => new PhotoStore(0)).toThrow(RangeError);
  });
});
