/**
 * Finds faces in a photo, so the work area can be placed on one without the person dragging it.
 *
 * The detector is a Tiny-YOLOv2 face model (the tiny face detector of the npm package
 * @vladmandic/face-api, MIT) converted to ONNX by models/tools/convert_face_detector.py and run
 * in onnxruntime-node like FaceShop's own networks: 0.8 MB, about 10–20 ms per pass on one CPU
 * core, no TensorFlow.js. It sees the picture letterboxed into 416², so a photo is scanned
 * whole first and, when that finds nothing (a small face in a large group or landscape shot),
 * again in overlapping tiles (down to faces of about 4 % of the photo's long side).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { sha256OfFile } from '../inference/model-manifest';
import { FACE_DETECTOR_MANIFEST } from '../models/models-dir';

/** A face, in the pixels of the picture it was found in. */
export interface DetectedFace {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The detector's confidence, 0..1. */
  readonly score: number;
}

export interface RgbPicture {
  /** Interleaved 8-bit RGB, row-major. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export class FaceDetectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaceDetectorError';
  }
}

/** Faces scoring below this are ignored; the model's scores for real faces sit around 0.8–1. */
export const MIN_FACE_SCORE = 0.5;
/** Boxes overlapping a better one by more than this (intersection over union) are the same face. */
const SAME_FACE_IOU = 0.4;
/** The long side photos are scanned at: enough for the tiled pass to see faces ≥ ~3 % of it. */
export const SCAN_LONG_SIDE = 1248;
/** Neutral grey around a letterboxed picture (close to the detector's mean colour). */
const LETTERBOX_GREY = 110;

export class FaceDetector {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly inputSize: number,
  ) {}

  /** Loads models/face-detector.onnx after checking it against its manifest's checksum. */
  static async open(modelsDir: string): Promise<FaceDetector> {
    const manifestPath = path.join(modelsDir, FACE_DETECTOR_MANIFEST);
    let manifest: { file?: unknown; sha256?: unknown; inputSize?: unknown };
    try {
      manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as typeof manifest;
    } catch (error) {
      throw new FaceDetectorError(
        `The face detector's manifest ${manifestPath} could not be read (${(error as Error).message}).`,
      );
    }
    if (
      typeof manifest.file !== 'string' ||
      typeof manifest.sha256 !== 'string' ||
      typeof manifest.inputSize !== 'number'
    ) {
      throw new FaceDetectorError(`The face detector's manifest ${manifestPath} is malformed.`);
    }
    const file = path.join(modelsDir, path.basename(manifest.file));
    let digest: string;
    try {
      digest = await sha256OfFile(file);
    } catch {
      throw new FaceDetectorError(`The face detector model ${file} is missing.`);
    }
    if (digest !== manifest.sha256) {
      throw new FaceDetectorError(
        `The face detector model ${file} is damaged (its checksum does not match the manifest); reinstall FaceShop.`,
      );
    }
    const session = await ort.InferenceSession.create(file, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: 1,
    });
    return new FaceDetector(session, manifest.inputSize);
  }

  /** Faces in an RGB picture, best first, in its pixels. */
  async detect(picture: RgbPicture): Promise<DetectedFace[]> {
    const whole = await this.scan(picture, {
      left: 0,
      top: 0,
      size: Math.max(picture.width, picture.height),
    });
    if (whole.length > 0) return whole;
    // Nothing at full view: look again in overlapping tiles, each seeing faces at 2–3× the size.
    const short = Math.min(picture.width, picture.height);
    const tile = Math.max(Math.round(short * 0.6), Math.min(short, this.inputSize));
    if (tile >= Math.max(picture.width, picture.height) * 0.9) return [];
    const found: DetectedFace[] = [];
    for (const top of tileStarts(picture.height, tile)) {
      for (const left of tileStarts(picture.width, tile)) {
        found.push(...(await this.scan(picture, { left, top, size: tile })));
      }
    }
    return suppressOverlaps(found);
  }

  /** One pass over a square window of the picture (padded with grey past its edges). */
  private async scan(
    picture: RgbPicture,
    window: { left: number; top: number; size: number },
  ): Promise<DetectedFace[]> {
    const n = this.inputSize;
    const scale = n / window.size;
    const input = await letterbox(picture, window, n);
    const result = await this.session.run({ rgb: new ort.Tensor('float32', input, [1, 3, n, n]) });
    const boxes = result['boxes']?.data as Float32Array | undefined;
    const scores = result['scores']?.data as Float32Array | undefined;
    if (!boxes || !scores) throw new FaceDetectorError('The face detector produced no boxes.');
    const faces: DetectedFace[] = [];
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i] as number;
      if (score < MIN_FACE_SCORE) continue;
      const x0 = window.left + ((boxes[4 * i] as number) * n) / scale;
      const y0 = window.top + ((boxes[4 * i + 1] as number) * n) / scale;
      const x1 = window.left + ((boxes[4 * i + 2] as number) * n) / scale;
      const y1 = window.top + ((boxes[4 * i + 3] as number) * n) / scale;
      // Keep the part inside the picture; a box mostly outside it is a letterbox artefact.
      const cx0 = Math.max(0, x0);
      const cy0 = Math.max(0, y0);
      const cx1 = Math.min(picture.width, x1);
      const cy1 = Math.min(picture.height, y1);
      if (cx1 <= cx0 || cy1 <= cy0) continue;
      if ((cx1 - cx0) * (cy1 - cy0) < 0.5 * (x1 - x0) * (y1 - y0)) continue;
      faces.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, score });
    }
    return suppressOverlaps(faces);
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function tileStarts(length: number, tile: number): number[] {
  if (tile >= length) return [0];
  const count = Math.ceil((length - tile) / (tile * 0.5)) + 1;
  const step = (length - tile) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
}

/**
 * Planar float RGB of a square window of the picture at n², resampled with sharp (a box
 * filter when shrinking), grey where the window leaves the picture.
 */
async function letterbox(
  picture: RgbPicture,
  window: { left: number; top: number; size: number },
  n: number,
): Promise<Float32Array> {
  const left = Math.max(0, Math.round(window.left));
  const top = Math.max(0, Math.round(window.top));
  const right = Math.min(picture.width, Math.round(window.left + window.size));
  const bottom = Math.min(picture.height, Math.round(window.top + window.size));
  const scale = n / window.size;
  const w = Math.max(1, Math.min(n, Math.round((right - left) * scale)));
  const h = Math.max(1, Math.min(n, Math.round((bottom - top) * scale)));
  const pixels = await sharp(picture.data, {
    raw: { width: picture.width, height: picture.height, channels: 3 },
  })
    .extract({ left, top, width: right - left, height: bottom - top })
    .resize(w, h, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  const out = new Float32Array(3 * n * n).fill(LETTERBOX_GREY);
  const plane = n * n;
  const ox = Math.round((left - window.left) * scale);
  const oy = Math.round((top - window.top) * scale);
  for (let y = 0; y < h && oy + y < n; y++) {
    for (let x = 0; x < w && ox + x < n; x++) {
      const s = 3 * (y * w + x);
      const d = (oy + y) * n + ox + x;
      out[d] = pixels[s] as number;
      out[plane + d] = pixels[s + 1] as number;
      out[2 * plane + d] = pixels[s + 2] as number;
    }
  }
  return out;
}

function iou(a: DetectedFace, b: DetectedFace): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Greedy non-maximum suppression, best score first. */
export function suppressOverlaps(faces: readonly DetectedFace[]): DetectedFace[] {
  const kept: DetectedFace[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    if (kept.every((k) => iou(k, face) <= SAME_FACE_IOU)) kept.push(face);
  }
  return kept;
}

/**
 * The faces in an encoded photo (any format sharp decodes), in the photo's displayed
 * (EXIF-oriented) pixels. The photo is decoded at most `SCAN_LONG_SIDE` wide for the scan.
 */
export async function detectFacesInPhoto(
  detector: FaceDetector,
  source: Uint8Array,
): Promise<DetectedFace[]> {
  const { data, info } = await sharp(source, { limitInputPixels: 30000 * 30000 })
    .autoOrient()
    .resize(SCAN_LONG_SIDE, SCAN_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const meta = await sharp(source).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const fullWidth = (turned ? meta.height : meta.width) ?? info.width;
  const scale = fullWidth / info.width;
  const faces = await detector.detect({ data, width: info.width, height: info.height });
  return faces.map((f) => ({
    x: f.x * scale,
    y: f.y * scale,
    width: f.width * scale,
    height: f.height * scale,
    score: f.score,
  }));
}
