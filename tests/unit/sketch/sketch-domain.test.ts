/**
 * The sketch domain as the app runs it: models/sketch-domain.onnx in onnxruntime-node. Inputs
 * are generated pictures (no training data needed). The PyTorch parity test proves that the
 * graph the app runs is the one training uses; it needs Debian's python3-torch and is skipped,
 * with the reason printed, where that is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analysisSize,
  resizeLines,
  SketchDomain,
  sketchPhotoFile,
  type RgbImage,
} from '../../../electron/core/sketch/sketch-domain';
import { MODELS_DIR, REPO_ROOT } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

let sketcher: SketchDomain;
beforeAll(async () => {
  sketcher = await SketchDomain.open(MODELS_DIR, 2);
});
afterAll(() => sketcher.dispose());

/** A synthetic "face": a dark ellipse outline, two eyes and a mouth on a skin tone, plus noise. */
function drawing(width: number, height: number, seed = 1): RgbImage {
  const data = new Uint8Array(width * height * 3);
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 6;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const nx = (x - width / 2) / (width * 0.35);
      const ny = (y - height / 2) / (height * 0.45);
      const r = Math.hypot(nx, ny);
      let v = r < 1 ? 200 : 90;
      const eye = (ex: number) => Math.hypot(x - ex * width, y - 0.4 * height) < width * 0.05;
      if (eye(0.38) || eye(0.62)) v = 40;
      if (Math.abs(y - 0.7 * height) < height * 0.015 && Math.abs(x - width / 2) < width * 0.12)
        v = 60;
      const i = 3 * (y * width + x);
      data[i] = Math.min(255, Math.max(0, v + 20 + rand()));
      data[i + 1] = Math.min(255, Math.max(0, v - 10 + rand()));
      data[i + 2] = Math.min(255, Math.max(0, v - 30 + rand()));
    }
  }
  return { data, width, height };
}

describe('sketch domain graph', () => {
  it('returns a binary map of the input size', async () => {
    for (const [w, h] of [
      [96, 64],
      [200, 200],
      [131, 257],
    ] as const) {
      const lines = await sketcher.lines(drawing(w, h));
      expect([lines.width, lines.height, lines.data.length]).toEqual([w, h, w * h]);
      expect(lines.data.every((v) => v === 0 || v === 1)).toBe(true);
    }
  });

  it('is deterministic', async () => {
    const image = drawing(160, 160, 7);
    const a = await sketcher.lines(image);
    const b = await sketcher.lines(image);
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
  });

  it('finds the outline, eyes and mouth as thin lines', async () => {
    const lines = await sketcher.lines(drawing(256, 256));
    const share = lines.data.reduce((a, b) => a + b, 0) / lines.data.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.08);
    // Thinned to one pixel: no solid 2×2 block of line pixels anywhere.
    let blocks = 0;
    for (let y = 0; y + 1 < 256; y++) {
      for (let x = 0; x + 1 < 256; x++) {
        const i = y * 256 + x;
        if (lines.data[i] && lines.data[i + 1] && lines.data[i + 256] && lines.data[i + 257])
          blocks++;
      }
    }
    expect(blocks).toBe(0);
    // A line crosses the eye at (0.38, 0.4): somewhere within its radius.
    let nearEye = 0;
    for (let y = 90; y < 115; y++)
      for (let x = 85; x < 110; x++) nearEye += lines.data[y * 256 + x] as number;
    expect(nearEye).toBeGreaterThan(10);
  });

  it('leaves a flat picture (even a noisy one) empty', async () => {
    const flat = drawing(128, 128);
    for (let i = 0; i < flat.data.length; i += 3) {
      flat.data[i] = 150 + (i % 7) - 3;
      flat.data[i + 1] = 120;
      flat.data[i + 2] = 100;
    }
    const lines = await sketcher.lines(flat);
    expect(lines.data.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('responds to its thresholds: a higher threshold gives fewer lines', async () => {
    const image = drawing(200, 200);
    const count = async (t: [number, number]) =>
      (await sketcher.lines(image, t)).data.reduce((a, b) => a + b, 0);
    expect(await count([20, 40])).toBeLessThan(await count([0.5, 1.5]));
  });
});

describe('whole photos', () => {
  it('caps the analysis size and keeps the aspect ratio', () => {
    expect(analysisSize(6000, 4000)).toEqual({ width: 1024, height: 683 });
    expect(analysisSize(300, 200)).toEqual({ width: 300, height: 200 });
  });

  it('scales lines up without breaking them', async () => {
    const lines = await sketcher.lines(drawing(128, 128));
    const big = await resizeLines(lines, 512, 512);
    const ratio = big.data.reduce((a, b) => a + b, 0) / lines.data.reduce((a, b) => a + b, 0);
    // Four times the size: lines four times as long and about four times as wide.
    expect(ratio).toBeGreaterThan(8);
    expect(ratio).toBeLessThan(22);
  });

  it('writes a PNG of the photo size, EXIF orientation applied', async () => {
    const img = drawing(300, 200);
    const jpeg = await sharp(img.data, { raw: { width: 300, height: 200, channels: 3 } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const result = await sketchPhotoFile(sketcher, jpeg);
    const meta = await sharp(result.png).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([200, 300, 'png']);
    expect(result.linePixels).toBeGreaterThan(0);
  });
});

const torchCheck = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' });
const hasTorch = torchCheck.status === 0;
if (!hasTorch)
  console.log(
    'skipping the PyTorch parity test: /usr/bin/python3 cannot import torch (apt-get install python3-torch)',
  );

describe.skipIf(!hasTorch)('parity with the PyTorch definition', () => {
  it('the ONNX graph and models/training/sketch_domain.py agree pixel for pixel', async () => {
    const dir = await makeTempDir();
    const image = drawing(144, 176, 3);
    const png = path.join(dir, 'in.png');
    await writeFile(
      png,
      await sharp(image.data, { raw: { width: 144, height: 176, channels: 3 } })
        .png()
        .toBuffer(),
    );
    const script = [
      'import sys, numpy, torch, cv2',
      `sys.path.insert(0, ${JSON.stringify(path.join(REPO_ROOT, 'models', 'training'))})`,
      'from sketch_domain import SketchDomain, DEFAULT_THRESHOLDS',
      'img = cv2.cvtColor(cv2.imread(sys.argv[1]), cv2.COLOR_BGR2RGB)',
      'x = torch.from_numpy(img).permute(2, 0, 1).float().unsqueeze(0) / 255',
      'with torch.no_grad(): s = SketchDomain()(x, torch.tensor([DEFAULT_THRESHOLDS]))',
      'sys.stdout.buffer.write(s[0, 0].numpy().astype(numpy.uint8).tobytes())',
    ].join('\n');
    const torchLines = execFileSync('/usr/bin/python3', ['-c', script, png], {
      maxBuffer: 1 << 24,
    });
    const onnxLines = await sketcher.lines(image);
    let differ = 0;
    for (let i = 0; i < onnxLines.data.length; i++)
      if (onnxLines.data[i] !== torchLines[i]) differ++;
    // Float evaluation order differs between runtimes; allow a handful of threshold-edge pixels.
    expect(differ / onnxLines.data.length).toBeLessThan(0.002);
  }, 60_000);
});

describe('the sketch domain is checksum-checked like every model (reliability finding 10)', () => {
  it('a damaged file or a missing manifest is refused with a clear message before onnxruntime sees it', async () => {
    const dir = await makeTempDir();
    await copyFile(
      path.join(MODELS_DIR, 'sketch-domain.json'),
      path.join(dir, 'sketch-domain.json'),
    );
    const bytes = await readFile(path.join(MODELS_DIR, 'sketch-domain.onnx'));
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    await writeFile(path.join(dir, 'sketch-domain.onnx'), bytes);
    await expect(SketchDomain.open(dir)).rejects.toThrow(
      /sketch domain sketch-domain\.onnx is damaged \(checksum mismatch\)/,
    );
    const bare = await makeTempDir();
    await copyFile(
      path.join(MODELS_DIR, 'sketch-domain.onnx'),
      path.join(bare, 'sketch-domain.onnx'),
    );
    await expect(SketchDomain.open(bare)).rejects.toThrow(
      /manifest sketch-domain\.json is missing/,
    );
  });
});
