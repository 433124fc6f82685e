/**
 * The refiner stage and the model stack around it, with a real onnxruntime session on a real
 * refiner graph (tests/fixtures/refiner-tiny: models/training/refiner.py's architecture a few
 * channels wide, seeded untrained weights, written by `refiner.py export --tiny`): tiles join
 * without a seam (tiled = one run over the whole window), only the mask changes, the stack
 * finds a refiner beside the base model and degrades with a reason when it is missing or
 * damaged, and the paste-back runs it for every caller that passes the synthesizer's refiner.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { InferenceService } from '../../../electron/core/inference/inference-service';
import { loadVerifiedModel, ModelLoadError } from '../../../electron/core/inference/model-manifest';
import { editPhoto } from '../../../electron/core/synthesis/edit-photo';
import { openModelStack } from '../../../electron/core/synthesis/model-loading';
import {
  tilesFor,
  TiledRefiner,
  TILE_CORE,
  type RefineInput,
} from '../../../electron/core/synthesis/refiner-stage';
import { seededRandom } from '../../../electron/core/synthesis/noise';
import { MODEL_MANIFEST, MODELS_DIR, REPO_ROOT } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

const FIXTURE = path.join(REPO_ROOT, 'tests', 'fixtures', 'refiner-tiny', 'refiner.json');

let refiner: TiledRefiner;
let service: InferenceService;
beforeAll(async () => {
  const model = await loadVerifiedModel(FIXTURE, 'refiner');
  service = await InferenceService.open(model.onnxPath, { threads: 2 });
  refiner = new TiledRefiner(service, model.manifest);
});
afterAll(() => service.dispose());

function window(width: number, height: number, mask: (x: number, y: number) => boolean) {
  const rand = seededRandom(3);
  const image = new Uint8Array(3 * width * height);
  for (let i = 0; i < image.length; i++) image[i] = Math.round(60 + 140 * rand());
  const plane = new Uint8Array(width * height);
  const sketch = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (mask(x, y)) plane[y * width + x] = 255;
      if (Math.abs(y - height / 2) < 1.5) sketch[y * width + x] = 1;
    }
  return { image, mask: plane, sketch, width, height } satisfies RefineInput;
}

describe('tiles', () => {
  it('cover the mask’s bounds once, start on the graph’s multiple and stay in the window', () => {
    const w = 1000;
    const h = 700;
    const input = window(w, h, (x, y) => x >= 101 && x < 950 && y >= 33 && y < 690);
    const tiles = tilesFor(input.mask, w, h, 4);
    const covered = new Uint8Array(w * h);
    for (const t of tiles) {
      expect(t.ix0 % 4).toBe(0);
      expect(t.iy0 % 4).toBe(0);
      expect(t.ix0).toBeGreaterThanOrEqual(0);
      expect(t.ix1).toBeLessThanOrEqual(w);
      expect(t.iy1).toBeLessThanOrEqual(h);
      expect(t.x1 - t.x0).toBeLessThanOrEqual(TILE_CORE);
      for (let y = t.y0; y < t.y1; y++)
        for (let x = t.x0; x < t.x1; x++) covered[y * w + x] = (covered[y * w + x] as number) + 1;
    }
    let wrong = 0;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const inBounds = x >= 101 && x < 950 && y >= 33 && y < 690;
        if (covered[y * w + x] !== (inBounds ? 1 : 0)) wrong++;
      }
    expect(wrong).toBe(0);
    expect(tilesFor(new Uint8Array(w * h), w, h)).toEqual([]);
  });
});

describe('the tiled refiner (real graph)', () => {
  it(
    'changes only the masked pixels, and tiles join without a seam',
    { timeout: 60_000 },
    async () => {
      // Wider than one tile core both ways, so the result joins four tiles.
      const w = 2 * TILE_CORE + 40;
      const h = TILE_CORE + 60;
      const input = window(
        w,
        h,
        (x, y) => ((x - w / 2) / (w / 2.2)) ** 2 + ((y - h / 2) / (h / 2.2)) ** 2 < 1,
      );
      const tiled = await refiner.refine(input);
      let changed = 0;
      let changedOutside = 0;
      for (let i = 0; i < w * h; i++) {
        const inside = input.mask[i] !== 0;
        for (let c = 0; c < 3; c++) {
          const d = (tiled[3 * i + c] as number) !== (input.image[3 * i + c] as number);
          if (d && inside) changed++;
          if (d && !inside) changedOutside++;
        }
      }
      expect(changedOutside).toBe(0);
      expect(changed).toBeGreaterThan(1000); // the untrained graph does change the masked pixels
      // One run over the whole window (a tile core as large as the window) is the reference.
      const single = await refiner.refine(input, Math.max(w, h));
      let maxDiff = 0;
      for (let i = 0; i < tiled.length; i++)
        maxDiff = Math.max(maxDiff, Math.abs((tiled[i] as number) - (single[i] as number)));
      expect(maxDiff).toBeLessThanOrEqual(1);
    },
  );

  it('refuses planes of the wrong size', async () => {
    const input = window(64, 64, () => true);
    await expect(refiner.refine({ ...input, width: 65 })).rejects.toThrow(/wrong size/);
  });
});

describe('the model stack', () => {
  async function modelsWith(refinerFiles: 'none' | 'ok' | 'damaged' | 'wrong-role') {
    const dir = await makeTempDir('faceshop-stack-');
    for (const f of ['faceshop-256.json', 'faceshop-256.onnx'])
      await copyFile(path.join(MODELS_DIR, f), path.join(dir, f));
    const fixtureDir = path.dirname(FIXTURE);
    if (refinerFiles !== 'none') {
      await copyFile(path.join(fixtureDir, 'refiner.json'), path.join(dir, 'refiner.json'));
      await copyFile(path.join(fixtureDir, 'refiner.onnx'), path.join(dir, 'refiner.onnx'));
    }
    if (refinerFiles === 'damaged') await writeFile(path.join(dir, 'refiner.onnx'), 'not a graph');
    if (refinerFiles === 'wrong-role')
      await copyFile(path.join(MODELS_DIR, 'faceshop-256.json'), path.join(dir, 'refiner.json'));
    return dir;
  }

  it('opens the refiner beside the base model and reports one line per model', async () => {
    const dir = await modelsWith('ok');
    const stack = await openModelStack(path.join(dir, 'faceshop-256.json'), { threads: 1 });
    try {
      expect(stack.refiner?.manifest.role).toBe('refiner');
      expect(stack.synthesizer.refiner).not.toBeNull();
      expect(stack.refinerNote).toBeNull();
      expect(stack.statusLines).toHaveLength(2);
      expect(stack.statusLines[1]).toMatch(/^refiner refiner-test-fixture 0\.0\.0$/);
    } finally {
      await stack.dispose();
    }
  });

  it.each([
    ['none', /^no refiner installed$/],
    ['damaged', /^refiner unavailable \(.*damaged.*\); edits run without it$/],
    [
      'wrong-role',
      /^refiner unavailable \(.*is a synthesis network, not a refiner\); edits run without it$/,
    ],
  ] as const)('without a usable refiner (%s) it still opens, and says why', async (kind, note) => {
    const dir = await modelsWith(kind);
    const stack = await openModelStack(path.join(dir, 'faceshop-256.json'), { threads: 1 });
    try {
      expect(stack.refiner).toBeNull();
      expect(stack.synthesizer.refiner).toBeNull();
      expect(stack.refinerNote).toMatch(note);
      expect(stack.statusLines[1]).toBe(stack.refinerNote);
    } finally {
      await stack.dispose();
    }
  });

  it("'off' never opens one, even when it is installed", async () => {
    const dir = await modelsWith('ok');
    const stack = await openModelStack(path.join(dir, 'faceshop-256.json'), {
      threads: 1,
      refiner: 'off',
    });
    expect(stack.synthesizer.refiner).toBeNull();
    expect(stack.refinerNote).toBe('refiner off');
    await stack.dispose();
  });

  it('a refiner manifest is not a base model', async () => {
    await expect(loadVerifiedModel(FIXTURE)).rejects.toSatisfy(
      (e) => e instanceof ModelLoadError && /is a refiner, not a synthesis network/.test(e.message),
    );
    // Manifests from before roles are synthesis networks.
    expect((await loadVerifiedModel(MODEL_MANIFEST)).manifest.role).toBe('synthesis');
  });
});

describe('an edit with the refiner (faceshop edit’s path)', () => {
  it(
    'runs in the paste-back above the network frame, says so, and keeps the outside',
    { timeout: 60_000 },
    async () => {
      const dir = await makeTempDir('faceshop-stack-');
      for (const f of ['faceshop-256.json', 'faceshop-256.onnx'])
        await copyFile(path.join(MODELS_DIR, f), path.join(dir, f));
      const stack = await openModelStack(path.join(dir, 'faceshop-256.json'), {
        threads: 2,
        refiner: FIXTURE,
      });
      onTestFinished(() => stack.dispose());
      const size = 640;
      const rand = seededRandom(5);
      const rgb = new Uint8Array(3 * size * size);
      for (let i = 0; i < rgb.length; i++) rgb[i] = Math.round(120 + 30 * rand());
      const photo = await sharp(rgb, { raw: { width: size, height: size, channels: 3 } })
        .png()
        .toBuffer();
      const plane = new Uint8Array(size * size);
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++)
          if ((x - 320) ** 2 + (y - 300) ** 2 < 60 ** 2) plane[y * size + x] = 255;
      const mask = await sharp(plane, { raw: { width: size, height: size, channels: 1 } })
        .png()
        .toBuffer();
      const lines: string[] = [];
      const run = (refine: boolean) =>
        editPhoto(
          stack.synthesizer,
          {
            photo,
            photoLabel: 'grain.png',
            guidance: { mask },
            seed: 1,
            workArea: { x: 0, y: 0, size },
            export: { format: 'png' },
            refine: refine ? 'on' : 'off',
          },
          (line) => lines.push(line),
        );
      const refined = await run(true);
      expect(refined.region.refined).toBe('refined');
      expect(lines).toContain('the learned refiner redrew the edit at full resolution');
      const plain = await run(false);
      expect(plain.region.refined).toBe('off');
      expect(lines).toContain('refiner off');
      const a = await sharp(refined.bytes).raw().toBuffer();
      const b = await sharp(plain.bytes).raw().toBuffer();
      let differ = 0;
      let farChanged = 0;
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) {
          const i = y * size + x;
          const far = (x - 320) ** 2 + (y - 300) ** 2 > 90 ** 2;
          for (let c = 0; c < 3; c++) {
            if (far && (a[3 * i + c] !== rgb[3 * i + c] || b[3 * i + c] !== rgb[3 * i + c]))
              farChanged++;
            else if (!far && a[3 * i + c] !== b[3 * i + c]) differ++;
          }
        }
      expect(farChanged).toBe(0);
      expect(differ).toBeGreaterThan(500);
    },
  );
});
