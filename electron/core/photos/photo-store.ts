/**
 * Photos the backend holds at full resolution, by id. The renderer only ever gets an id and a
 * preview; later steps (synthesis, export) read the original from here.
 *
 * The source file's bytes are kept rather than decoded pixels: a 100-megapixel photo is about
 * 30 MB as a JPEG but 400 MB as RGBA, and sharp decodes just the region a step needs.
 * The store is bounded so that opening photo after photo cannot grow memory without end; the
 * least recently used photo is released first — except the original of an edit that is still
 * open: after many Applies in a row the in-between versions go, the photo as first opened stays,
 * so a saved project still holds it (up to twice the capacity; beyond that plain LRU).
 */
import { randomUUID } from 'node:crypto';
import type { PhotoId, PhotoInfo } from '../../../shared/photo/photo';

export interface PhotoAsset {
  readonly id: PhotoId;
  readonly info: PhotoInfo;
  /** The file exactly as read; decode with `sharp(source).autoOrient()`. */
  readonly source: Uint8Array;
  /**
   * For a photo made from another by applying a result: that photo. A project file keeps the
   * whole chain, so the original's bytes are saved untouched beside the edited photo.
   */
  readonly derivedFrom?: PhotoId;
  /**
   * For a derived photo: the original at the start of its chain, remembered when it was made,
   * so the chain can be bridged after the versions in between were released.
   */
  readonly origin?: PhotoId;
}

export class PhotoStore {
  readonly #assets = new Map<PhotoId, PhotoAsset>();

  constructor(readonly capacity = 8) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError('PhotoStore capacity must be a positive integer');
    }
  }

  add(info: PhotoInfo, source: Uint8Array, derivedFrom?: PhotoId): PhotoAsset {
    const id = `photo-${randomUUID()}`;
    return this.restore(
      derivedFrom === undefined ? { id, info, source } : { id, info, source, derivedFrom },
    );
  }

  /**
   * The original at the start of a photo's chain: followed through the photos still held, and
   * from the last one held by the origin it remembered. A photo opened as it is is its own.
   */
  originOf(asset: PhotoAsset): PhotoId {
    const seen = new Set<PhotoId>();
    let current = asset;
    while (current.derivedFrom !== undefined && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = this.#assets.get(current.derivedFrom);
      if (parent === undefined) return current.origin ?? current.derivedFrom;
      current = parent;
    }
    return current.id;
  }

  /**
   * Keeps a photo under the id it already has: a project's photos are put back under the ids
   * its document uses. The caller makes sure an id that is already held means the same bytes.
   */
  restore(given: PhotoAsset): PhotoAsset {
    const asset =
      given.derivedFrom === undefined || given.origin !== undefined
        ? given
        : { ...given, origin: this.#originThrough(given.derivedFrom) };
    this.#assets.delete(asset.id);
    this.#assets.set(asset.id, asset);
    this.#release(asset.id);
    return asset;
  }

  /** The origin of a photo made from `parent`: the parent's own origin while it is held. */
  #originThrough(parent: PhotoId): PhotoId {
    const held = this.#assets.get(parent);
    return held === undefined ? parent : this.originOf(held);
  }

  #release(keep: PhotoId): void {
    while (this.#assets.size > this.capacity) {
      const pinned = new Set<PhotoId>();
      for (const held of this.#assets.values()) {
        if (held.derivedFrom !== undefined) pinned.add(this.originOf(held));
      }
      // Map iterates in insertion order and `get` re-inserts, so the first keys are the stalest.
      const ids = [...this.#assets.keys()].filter((id) => id !== keep);
      const victim =
        ids.find((id) => !pinned.has(id)) ??
        (this.#assets.size > 2 * this.capacity ? ids[0] : undefined);
      if (victim === undefined) break;
      this.#assets.delete(victim);
    }
  }

  get(id: PhotoId): PhotoAsset | undefined {
    const asset = this.#assets.get(id);
    if (asset) {
      this.#assets.delete(id);
      this.#assets.set(id, asset);
    }
    return asset;
  }

  get size(): number {
    return this.#assets.size;
  }
}
