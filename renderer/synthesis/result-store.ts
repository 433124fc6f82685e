/**
 * The synthesized results the renderer holds. Results are not document state (DESIGN.md): the
 * editor's session refers to the one on screen by asset id (`receive-result`), and the pixels
 * live here. Only what is on screen is worth keeping — an older result can never be shown again,
 * because undo produces a new revision and asks for a new result — so `keepOnly` drops the rest.
 */
import type { AssetId, DocumentRevision, WorkArea } from '../../shared/document';

export interface StoredResult {
  readonly assetId: AssetId;
  readonly revision: DocumentRevision;
  /** The square of the photo the pixels cover, photo pixels. */
  readonly workArea: WorkArea;
  /** Side of the square raster. */
  readonly resolution: number;
  /** resolution² RGBA, row-major (or `region`-sized); alpha is the feathered mask. */
  readonly rgba: Uint8Array;
  /** When present, `rgba` covers only this part of the square (full-resolution results). */
  readonly region?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  readonly inferenceMs: number;
  readonly backendMs: number;
}

export type NewResult = Omit<StoredResult, 'assetId'>;

export class ResultStore {
  private readonly results = new Map<AssetId, StoredResult>();
  private counter = 0;

  add(result: NewResult): StoredResult {
    this.counter += 1;
    const stored: StoredResult = { ...result, assetId: `result-${this.counter}` };
    this.results.set(stored.assetId, stored);
    return stored;
  }

  get(assetId: AssetId): StoredResult | undefined {
    return this.results.get(assetId);
  }

  /** Forgets every result except `assetId` (null: forget all). */
  keepOnly(assetId: AssetId | null): void {
    for (const id of [...this.results.keys()]) if (id !== assetId) this.results.delete(id);
  }

  get size(): number {
    return this.results.size;
  }
}
