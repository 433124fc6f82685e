/**
 * The shipped model against DESIGN.md contract 1, in onnxruntime-node as the app runs it:
 * verified by its manifest's checksum, the five inputs, [1,3,H,W] output in [0,1] at the native
 * resolution and above, exactly the input wherever the mask is 0. Also the clear refusals for a
 * missing, malformed or damaged model.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InferenceService } from '../../../electron/core/inference/inference-service';
import { loadVerifiedModel, ModelLoadError } from '../../../electron/core/inference/model-manifest';
import type { Feeds } from '../../../electron/core/inference/session-host';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { bundleWorker } from '../../support/worker-bundle';
import { makeTempDir } from '../../support/temp-dir';

function contractFeeds(size: number): Feeds {
  const n = size * size;
  const image = new Float32Array(3 * n);
  for (let i = 0; i < 3 * n; i++) image[i] = ((i * 2654435761) % 1000) / 999;
  const mask = new Float32Array(n);
  const sketch = new Float32Array(n);
  const color = new Float32Array(4 * n);
  const noise = new Float32Array(n);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const inside = Math.abs(x - size / 2) < size / 6 && Math.abs(y - size / 2) < size / 8;
      mask[i] = inside ? 1 : 0;
      sketch[i] = y === Math.floor(size / 2) ? 1 : 0; // also outside the mask: must be ignored
      noise[i] = Math.sin(i);
    }
  }
  return {
    image: { data: image, dims: [1, 3, size, size] },
    mask: { data: mask, dims: [1, 1, size, size] },
    sketch: { data: sketch, dims: [1, 1, size, size] },
    color: { data: color, dims: [1, 4, size, size] },
    noise: { data: noise, dims: [1, 1, size, size] },
  };
}

function checkContract(
  feeds: Feeds,
  output: { data: Float32Array; dims: readonly number[] },
  size: number,
): void {
  expect(output.dims).toEqual([1, 3, size, size]);
  const n = size * size;
  const image = feeds['image']?.data as Float32Array;
  const mask = feeds['mask']?.data as Float32Array;
  let outsideDiff = 0;
  let insideDiff = 0;
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < n; i++) {
      const v = output.data[c * n + i] as number;
      expect(v >= 0 && v <= 1).toBe(true);
      const d = Math.abs(v - (image[c * n + i] as number));
      if (mask[i] === 0) outsideDiff = Math.max(outsideDiff, d);
      else insideDiff += d;
    }
  }
  expect(outsideDiff).toBe(0);
  expect(insideDiff).toBeGreaterThan(0);
}

describe('the shipped synthesis model', () => {
  it('loads through its verified manifest and honours contract 1 at 256² and 512²', async () => {
    const model = await loadVerifiedModel(MODEL_MANIFEST);
    expect(model.manifest.nativeResolution).toBe(256);
    const service = await InferenceService.open(model.onnxPath, { threads: 2 });
    try {
      expect([...service.info.inputNames].sort()).toEqual([
        'color',
        'image',
        'mask',
        'noise',
        'sketch',
      ]);
      for (const size of [256, 512]) {
        const feeds = contractFeeds(size);
        checkContract(feeds, (await service.runExclusive(feeds)).output, size);
      }
    } finally {
      await service.dispose();
    }
  }, 60_000);

  it('runs the same in a worker thread as inline', async () => {
    const workerPath = await bundleWorker(
      'electron/core/inference/inference-worker.ts',
      'faceshop-tests',
      `inference-worker-${process.pid}`,
    );
    const model = await loadVerifiedModel(MODEL_MANIFEST);
    const feeds = contractFeeds(256);
    const inline = await InferenceService.open(model.onnxPath, { threads: 2 });
    const threaded = await InferenceService.open(model.onnxPath, { threads: 2, workerPath });
    try {
      const a = (await inline.runExclusive(feeds)).output;
      const b = (await threaded.runExclusive(feeds)).output;
      checkContract(feeds, b, 256);
      expect(Buffer.from(b.data.buffer).equals(Buffer.from(a.data.buffer))).toBe(true);
    } finally {
      await inline.dispose();
      await threaded.dispose();
    }
  }, 60_000);
});

describe('refusing a bad model', () => {
  async function copyModel(): Promise<{ dir: string; manifest: string }> {
    const dir = await makeTempDir();
    const manifestJson = JSON.parse(await readFile(MODEL_MANIFEST, 'utf8')) as { file: string };
    await copyFile(MODEL_MANIFEST, path.join(dir, 'm.json'));
    await copyFile(
      path.join(path.dirname(MODEL_MANIFEST), manifestJson.file),
      path.join(dir, manifestJson.file),
    );
    return { dir, manifest: path.join(dir, 'm.json') };
  }
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'loaded',
      (e: unknown) =>
        e instanceof ModelLoadError ? `${e.code}: ${e.message}` : `unexpected: ${String(e)}`,
    );

  it('a missing manifest or ONNX file is "not installed"', async () => {
    const { dir, manifest } = await copyModel();
    expect(await codeOf(loadVerifiedModel(path.join(dir, 'nope.json')))).toMatch(
      /^model-not-installed: Model not installed/,
    );
    const { file } = JSON.parse(await readFile(manifest, 'utf8')) as { file: string };
    await writeFile(
      manifest,
      JSON.stringify({ ...JSON.parse(await readFile(manifest, 'utf8')), file: `x-${file}` }),
    );
    expect(await codeOf(loadVerifiedModel(manifest))).toMatch(
      /^model-not-installed: Model file x-/,
    );
  });

  it('a damaged ONNX file fails its checksum with a clear message', async () => {
    const { dir, manifest } = await copyModel();
    const { file } = JSON.parse(await readFile(manifest, 'utf8')) as { file: string };
    const bytes = await readFile(path.join(dir, file));
    await writeFile(path.join(dir, file), bytes.subarray(0, bytes.length >> 1));
    expect(await codeOf(loadVerifiedModel(manifest))).toMatch(
      /^model-corrupt: .*checksum mismatch/,
    );
  });

  it('a malformed manifest is refused, naming what is wrong', async () => {
    const { manifest } = await copyModel();
    await writeFile(manifest, '{ not json');
    expect(await codeOf(loadVerifiedModel(manifest))).toMatch(/^model-invalid: .*not valid JSON/);
    await writeFile(manifest, JSON.stringify({ name: 'x', version: '1' }));
    expect(await codeOf(loadVerifiedModel(manifest))).toMatch(/^model-invalid: .*malformed/);
  });

  it('a manifest claiming a 100000-px native resolution is refused, not allocated (finding 10)', async () => {
    const { manifest } = await copyModel();
    const good = JSON.parse(await readFile(manifest, 'utf8')) as Record<string, unknown>;
    await writeFile(manifest, JSON.stringify({ ...good, nativeResolution: 100_000 }));
    expect(await codeOf(loadVerifiedModel(manifest))).toMatch(/^model-invalid: .*malformed/);
  });
});
