import { describe, expect, it } from 'vitest';
import { ResultStore } from '../../../renderer/synthesis/result-store';

const result = (revision: number) => ({
  revision,
  workArea: { x: 0, y: 0, size: 64 },
  resolution: 2,
  rgba: new Uint8Array(16),
  inferenceMs: 1,
  backendMs: 2,
});

describe('the result store', () => {
  it('names results by fresh asset ids and keeps only the one on screen', () => {
    const store = new ResultStore();
    const first = store.add(result(2));
    const second = store.add(result(3));
    expect(first.assetId).not.toBe(second.assetId);
    expect(first.assetId).toMatch(/^result-\d+$/);
    store.keepOnly(second.assetId);
    expect(store.get(first.assetId)).toBeUndefined();
    expect(store.get(second.assetId)?.revision).toBe(3);
    store.keepOnly(null);
    expect(store.size).toBe(0);
  });
});
