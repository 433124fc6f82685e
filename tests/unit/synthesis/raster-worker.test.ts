/**
 * The rasterization worker (reliability finding 3: heavy rasterization off the Electron main
 * thread): the same planes as on the calling thread, a document over budget refused as itself,
 * the calling thread live while a costly document rasterizes, and a worker that dies fails only
 * the requests it held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RasterBudgetError } from '../../../shared/raster/rasterize-strokes';
import { inlineRasterizer, RasterWorker } from '../../../electron/core/synthesis/raster-service';
import type { FaceDocument } from '../../../shared/document';
import { documentWithEveryLayer } from '../../support/project-fixtures';
import { bundleWorker } from '../../support/worker-bundle';

let workerPath = '';

beforeAll(async () => {
  workerPath = await bundleWorker(
    'electron/core/synthesis/raster-worker.ts',
    'faceshop-tests',
    `raster-worker-${process.pid}`,
  );
}, 60_000);

const photo = { assetId: 'p', width: 2400, height: 2400 };

/**
 * Mask strokes painted over the work area: `count` strokes of `points` points, `width` wide;
 * `scattered` points jump across the area (costly capsules), others follow a line 6 px apart.
 */
function painted(
  count: number,
  points: number,
  width: number,
  scattered = true,
  size = 2000,
): FaceDocument {
  const base = documentWithEveryLayer(photo, 'src');
  return {
    ...base,
    workArea: { x: 100, y: 100, size },
    layers: base.layers.map((layer) =>
      layer.kind === 'mask'
        ? {
            ...layer,
            strokes: Array.from({ length: count }, (_, k) => ({
              id: `m${k}`,
              tool: 'paint' as const,
              width,
              color: '#ffffff',
              points: Array.from({ length: points }, (_, i) =>
                scattered
                  ? {
                      x: 150 + ((i * 37 + k * 11) % (size - 100)),
                      y: 150 + ((i * 53 + k * 29) % (size - 100)),
                      pressure: 0.5,
                    }
                  : { x: 150 + ((i * 6) % (size - 100)), y: 150 + k * 30, pressure: 0.5 },
              ),
            })),
          }
        : layer,
    ),
  };
}

describe('the rasterization worker', () => {
  let worker: RasterWorker;
  beforeAll(() => {
    worker = new RasterWorker(workerPath);
  });
  afterAll(() => worker.dispose());

  it('prepares a document exactly as the calling thread does', async () => {
    const document = documentWithEveryLayer({ assetId: 'p', width: 160, height: 200 }, 'src');
    const here = await inlineRasterizer.prepare(document, 256);
    const there = await worker.prepare(document, 256);
    expect(here.status).toBe('ready');
    expect(there).toEqual(here);
    if (here.status !== 'ready' || there.status !== 'ready') return;
    expect(there.guidance.mask).toBeInstanceOf(Float32Array);
    expect(there.guidance.mask.some((v) => v > 0)).toBe(true);
    const strokes = here.strokes.mask;
    expect(await worker.maskPlane(strokes, here.area, 300)).toEqual(
      await inlineRasterizer.maskPlane(strokes, here.area, 300),
    );
    const size = { width: 160, height: 200 };
    const full = await worker.fullResolutionMask(strokes, here.area, size);
    expect(full).toEqual(await inlineRasterizer.fullResolutionMask(strokes, here.area, size));
    expect(full.some((v) => v === 255)).toBe(true);
  }, 30_000);

  it('refuses a document over the budget with RasterBudgetError, and goes on working', async () => {
    const hostile = painted(4, 50_000, 5000);
    await expect(worker.prepare(hostile, 256)).rejects.toBeInstanceOf(RasterBudgetError);
    await expect(worker.prepare(hostile, 256)).rejects.toThrow(/too many or too wide strokes/);
    const fine = await worker.prepare(painted(2, 20, 60), 256);
    expect(fine.status).toBe('ready');
  }, 30_000);

  it('keeps the calling thread live while a costly document rasterizes', async () => {
    // Thirty 120-px strokes of 300 points at full resolution: ~10⁸ pixel visits, about a second.
    const heavy = painted(30, 300, 120, false);
    const ticksWhile = async (run: () => Promise<unknown>): Promise<number> => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      try {
        await run();
      } finally {
        clearInterval(timer);
      }
      return ticks;
    };
    const document = heavy;
    const full = { width: photo.width, height: photo.height };
    const prepared = await inlineRasterizer.prepare(document, 256);
    if (prepared.status !== 'ready') throw new Error('not ready');
    const inline = await ticksWhile(() =>
      inlineRasterizer.fullResolutionMask(prepared.strokes.mask, prepared.area, full),
    );
    const threaded = await ticksWhile(() =>
      worker.fullResolutionMask(prepared.strokes.mask, prepared.area, full),
    );
    // On the calling thread no timer fires until the work is done; beside the worker they do.
    expect(inline).toBe(0);
    expect(threaded).toBeGreaterThan(3);
  }, 60_000);

  it('a worker that stops fails the requests it held, and the next request starts a new one', async () => {
    const own = new RasterWorker(workerPath);
    const pending = own.prepare(painted(30, 300, 120, false), 2000);
    // (Stopped under the request, as a crash would.)
    await new Promise((r) => setTimeout(r, 20));
    await own.dispose();
    await expect(pending).rejects.toThrow(/rasterization worker stopped/);
    const next = await own.prepare(painted(2, 20, 60), 256);
    expect(next.status).toBe('ready');
    await own.dispose();
  }, 60_000);
});
