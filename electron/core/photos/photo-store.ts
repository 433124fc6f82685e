/**
 * Photos the backend holds at full resolution, by id. The renderer only ever gets an id and a
 * preview; later steps (synthesis, export) read the original from here.
 *
 * The source file's bytes are kept rather than decoded pixels: a 100-megapixel photo is about
 * 30 MB as a JPEG but 400 MB as RGBA, and sharp decodes just the region a step needs.
 * The store is bounded so that opening photo after photo cannot grow memory without end; the
 * least recently used photo is released first.
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
   * Keeps a photo under the id it already has: a project's photos are put back under the ids
   * its document uses. The caller makes sure an id that is already held means the same bytes.
   */
  restore(asset: PhotoAsset): PhotoAsset {
    this.#assets.delete(asset.id);
    this.#assets.set(asset.id, asset);
    while (this.#assets.size > this.capacity) {
      // Map iterates in insertion order and `get` re-inserts, so the first key is the stalest.
      const stalest = this.#assets.keys().next().value;
      if (stalest === undefined) break;
      this.#assets.delete(stalest);
    }
    return asset;
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
