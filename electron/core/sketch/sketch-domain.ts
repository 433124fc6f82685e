/**
 * The sketch domain at run time: a photo (or a square of it) becomes a line drawing by the same
 * fixed-weight graph that made the training sketches (models/training/sketch_domain.py, exported
 * to models/sketch-domain.onnx). One definition, two runtimes, no drift.
 *
 * The graph's filters are tuned for faces about 256 px wide, so the picture is first resized to
 * an analysis size: a region at the model's working resolution, or a whole photo with its long
 * side capped (`ANALYSIS_LONG_SIDE`). Lines found there are scaled back to the requested size
 * with a smooth resize and a threshold, so they stay continuous and keep their relative weight.
 */
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { readFile } from 'node:fs/promises';
import { ModelLoadError, sha256OfFile } from '../inference/model-manifest';
import { SKETCH_DOMAIN_FILE } from '../models/models-dir';

/** The app's thresholds (low, high) on the graph's normalized edge response; see sketch_domain.py. */
export const DEFAULT_SKETCH_THRESHOLDS: readonly [number, number] = [0.9, 2.4];
/** A whole photo is analysed with its long side at most this (≈ a face of 250–500 px in a portrait). */
export const ANALYSIS_LONG_SIDE = 1024;

export interface RgbImage {
  /** Interleaved 8-bit RGB, row-major. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export interface LineMap {
  /** 1 = line, 0 = none, row-major. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export class SketchDomain {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async open(modelsDir: string, threads?: number): Promise<SketchDomain> {
    const file = path.join(modelsDir, SKETCH_DOMAIN_FILE);
    await verifySketchDomain(file);
    const session = await ort.InferenceSession.create(file, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      ...(threads ? { intraOpNumThreads: threads } : {}),
    });
    return new SketchDomain(session);
  }

  /** Lines of an RGB image at its own size (call at the analysis scale). */
  async lines(
    image: RgbImage,
    thresholds: readonly [number, number] = DEFAULT_SKETCH_THRESHOLDS,
  ): Promise<LineMap> {
    const { width, height, data } = image;
    const plane = width * height;
    const planar = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++) {
      planar[i] = (data[3 * i] as number) / 255;
      planar[plane + i] = (data[3 * i + 1] as number) / 255;
      planar[2 * plane + i] = (data[3 * i + 2] as number) / 255;
    }
    const result = await this.session.run({
      image: new ort.Tensor('float32', planar, [1, 3, height, width]),
      thresholds: new ort.Tensor('float32', Float32Array.from(thresholds), [1, 2]),
    });
    const sketch = result['sketch'];
    if (!sketch) throw new Error('the sketch-domain graph produced no "sketch" output');
    const values = sketch.data as Float32Array;
    const out = new Uint8Array(plane);
    for (let i = 0; i < plane; i++) out[i] = (values[i] as number) > 0.5 ? 1 : 0;
    return { data: out, width, height };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

/**
 * The sketch domain's file checked against the sha256 in its manifest (`sketch-domain.json`
 * beside it) before onnxruntime sees it, like every shipped model: a damaged or swapped file
 * gives a clear message, never a native crash or silently wrong lines.
 */
async function verifySketchDomain(file: string): Promise<void> {
  const manifestFile = file.replace(/\.onnx$/, '.json');
  let expected: unknown;
  try {
    expected = (JSON.parse(await readFile(manifestFile, 'utf8')) as { sha256?: unknown }).sha256;
  } catch {
    throw new ModelLoadError(
      'model-not-installed',
      `The sketch domain's manifest ${path.basename(manifestFile)} is missing or unreadable; reinstall FaceShop.`,
    );
  }
  let actual: string;
  try {
    actual = await sha256OfFile(file);
  } catch {
    throw new ModelLoadError(
      'model-not-installed',
      `The sketch domain ${path.basename(file)} is missing; reinstall FaceShop.`,
    );
  }
  if (typeof expected !== 'string' || actual !== expected)
    throw new ModelLoadError(
      'model-corrupt',
      `The sketch domain ${path.basename(file)} is damaged (checksum mismatch); reinstall FaceShop.`,
    );
}

/** The analysis size for a whole picture: long side capped, never upscaled, at least 16 px. */
export function analysisSize(
  width: number,
  height: number,
  longSide = ANALYSIS_LONG_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return {
    width: Math.max(16, Math.round(width * scale)),
    height: Math.max(16, Math.round(height * scale)),
  };
}

/**
 * Scales a line map to another size: lines widen with the scale (a 1-px line at 1024 px is a
 * 6-px line at 6000 px), so the drawing looks the same at any zoom.
 */
export async function resizeLines(lines: LineMap, width: number, height: number): Promise<LineMap> {
  if (lines.width === width && lines.height === height) return lines;
  const grey = Buffer.alloc(lines.data.length);
  for (let i = 0; i < grey.length; i++) grey[i] = lines.data[i] ? 255 : 0;
  const scale = Math.max(width / lines.width, height / lines.height);
  let pipeline = sharp(grey, {
    raw: { width: lines.width, height: lines.height, channels: 1 },
  }).resize(width, height, { fit: 'fill', kernel: 'linear' });
  // Upscaled one-pixel lines are staircases; a blur of half the scale rounds them into smooth
  // strokes before the threshold.
  if (scale > 1.5) pipeline = pipeline.blur(scale * 0.5);
  const resized = await pipeline
    // sharp widens single-channel raw input to three channels unless told otherwise.
    .extractChannel(0)
    .raw()
    .toBuffer();
  // A line of width 1 becomes a ramp whose peak stays well above this along its centre.
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = (resized[i] as number) >= 112 ? 1 : 0;
  return { data: out, width, height };
}

/** Black lines on white, 8-bit grey PNG bytes. */
export async function linesToPng(lines: LineMap): Promise<Buffer> {
  const grey = Buffer.alloc(lines.data.length);
  for (let i = 0; i < grey.length; i++) grey[i] = lines.data[i] ? 0 : 255;
  return sharp(grey, { raw: { width: lines.width, height: lines.height, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/**
 * A whole photo file in the sketch domain, at the photo's own (EXIF-oriented) size.
 * `progress` receives one line per slow step.
 */
export async function sketchPhotoFile(
  sketcher: SketchDomain,
  photo: string | Uint8Array,
  progress: (line: string) => void = () => {},
): Promise<{ png: Buffer; width: number; height: number; linePixels: number }> {
  const oriented = sharp(photo, { limitInputPixels: 30000 * 30000 }).rotate();
  const meta = await sharp(photo).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  const size = analysisSize(width, height);
  progress(`analysing ${width}×${height} at ${size.width}×${size.height}`);
  const { data } = await oriented
    .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = await sketcher.lines({ data, width: size.width, height: size.height });
  progress(`scaling lines to ${width}×${height}`);
  const full = await resizeLines(found, width, height);
  let linePixels = 0;
  for (const v of full.data) linePixels += v;
  return { png: await linesToPng(full), width, height, linePixels };
}
