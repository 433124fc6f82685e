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

  it('keeps the original of an open edit while the versions in between are released', () => {
    const store = new PhotoStore(3);
    const original = store.add(info, new Uint8Array([0]));
    let newest = original;
    for (let k = 1; k <= 6; k++) newest = store.add(info, new Uint8Array([k]), newest.id);
    expect(store.size).toBe(3);
    expect(store.get(original.id)?.source).toEqual(new Uint8Array([0]));
    expect(store.get(newest.id)?.source).toEqual(new Uint8Array([6]));
    // The chain is broken in the middle, yet the newest still knows where it started.
    expect(newest.origin).toBe(original.id);
    expect(store.originOf(newest)).toBe(original.id);
  });

  it('never grows past twice its capacity, however many edits are open', () => {
    const store = new PhotoStore(2);
    for (let k = 0; k < 10; k++) {
      const original = store.add(info, new Uint8Array([k]));
      store.add(info, new Uint8Array([k, 1]), original.id);
    }
    expect(store.size).toBeLessThanOrEqual(4);
  });

  it('refuses a capacity that could hold nothing', () => {
    expect(() => new PhotoStore(0)).toThrow(RangeError);
  });
});
