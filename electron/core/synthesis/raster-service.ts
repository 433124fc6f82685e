/**
 * Where the document's rasterization runs: on the calling thread (the CLI, tests, the bench:
 * their own processes, nothing else to keep live), or in a worker thread (the app and the
 * browser host: the thread that answers IPC and draws menus must not spend seconds on a costly
 * document). Both give the same planes; the worker raises RasterBudgetError as itself.
 */
import { Worker } from 'node:worker_threads';
import type { FaceDocument } from '../../../shared/document/document';
import type { ChannelStrokes } from '../../../shared/raster/network-strokes';
import { RasterBudgetError } from '../../../shared/raster/rasterize-strokes';
import { fullResolutionMask, maskPlaneOf, prepareDocument, type Prepared } from './pipeline';
import type { FromRasterWorker, ToRasterWorker } from './raster-protocol';
import type { WorkArea } from './work-area';

/** The pipeline's rasterizing stages, wherever they run. */
export interface DocumentRasterizer {
  /** Stage "prepare" (pipeline.ts: prepareDocument). */
  prepare(document: FaceDocument, resolution: number): Promise<Prepared>;
  /** The person's mask as a square plane of `side`² (pipeline.ts: maskPlaneOf). */
  maskPlane(strokes: ChannelStrokes['mask'], area: WorkArea, side: number): Promise<Uint8Array>;
  /** The person's mask over the visible work area at full resolution (fullResolutionMask). */
  fullResolutionMask(
    strokes: ChannelStrokes['mask'],
    area: WorkArea,
    photo: { readonly width: number; readonly height: number },
  ): Promise<Uint8Array>;
  /** Makes the first request fast (starts the worker, when there is one). */
  warm(): void;
  dispose(): Promise<void>;
}

/** On the calling thread (a throw becomes a rejection, as from the worker). */
export const inlineRasterizer: DocumentRasterizer = {
  prepare: (document, resolution) => settled(() => prepareDocument(document, resolution)),
  maskPlane: (strokes, area, side) => settled(() => maskPlaneOf(strokes, area, side)),
  fullResolutionMask: (strokes, area, photo) =>
    settled(() => fullResolutionMask(strokes, area, photo)),
  warm: () => undefined,
  dispose: () => Promise.resolve(),
};

function settled<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

type Pending = {
  readonly resolve: (message: FromRasterWorker) => void;
  readonly reject: (error: Error) => void;
};

/**
 * In a worker thread (the built raster-worker.js), started on first use and started again
 * after it stops (a crash fails the requests in flight, not the ones after).
 */
export class RasterWorker implements DocumentRasterizer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly workerPath: string) {}

  async prepare(document: FaceDocument, resolution: number): Promise<Prepared> {
    const reply = await this.send({ type: 'prepare', id: this.nextId++, document, resolution });
    if (reply.type !== 'prepared') throw new Error('the rasterization worker answered out of turn');
    return reply.prepared;
  }

  maskPlane(strokes: ChannelStrokes['mask'], area: WorkArea, side: number): Promise<Uint8Array> {
    return this.plane({ type: 'mask-plane', id: this.nextId++, strokes, area, target: { side } });
  }

  fullResolutionMask(
    strokes: ChannelStrokes['mask'],
    area: WorkArea,
    photo: { readonly width: number; readonly height: number },
  ): Promise<Uint8Array> {
    return this.plane({
      type: 'mask-plane',
      id: this.nextId++,
      strokes,
      area,
      target: { photo: { width: photo.width, height: photo.height } },
    });
  }

  /** Starts the worker now (~0.2 s: its bundle and sharp load) instead of on the first edit. */
  warm(): void {
    this.started();
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private async plane(message: ToRasterWorker): Promise<Uint8Array> {
    const reply = await this.send(message);
    if (reply.type !== 'plane') throw new Error('the rasterization worker answered out of turn');
    return reply.plane;
  }

  private send(message: ToRasterWorker): Promise<FromRasterWorker> {
    const worker = this.started();
    // Held while it has work (a CLI or test process must not exit under a request), let go
    // when idle (nor be kept alive by an idle worker).
    worker.ref();
    return new Promise<FromRasterWorker>((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    }).then((reply) => {
      if (reply.type !== 'failed') return reply;
      throw reply.name === 'RasterBudgetError'
        ? new RasterBudgetError(reply.message)
        : new Error(reply.message);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.on('message', (reply: FromRasterWorker) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      pending?.resolve(reply);
    });
    const stopped = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      const failed = [...this.pending.values()];
      this.pending.clear();
      for (const p of failed) p.reject(error);
    };
    worker.on('error', stopped);
    worker.on('exit', (code) =>
      stopped(new Error(`the rasterization worker stopped (exit code ${code})`)),
    );
    // Idle until a request holds it (send), so a started worker never keeps a process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
