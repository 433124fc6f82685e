/**
 * Where the eyes, brows, nose, mouth and jaw of a detected face are: 68 points (the iBUG 300-W
 * layout) from the face box, so everything that means a face part can use the real part rather
 * than the average training face.
 *
 * The network is the 68-point landmark model of the npm package @vladmandic/face-api 1.7.15
 * (MIT), the same package the face detector comes from, converted to ONNX by
 * models/tools/convert_face_landmarks.py (0.4 MB, about 15 ms per face on one CPU core, crop
 * included) and checked against the package's own TensorFlow.js output. It sees the face the
 * way face-api shows it: the detector's box, padded to a square with black on its short side
 * and resized to 112², and returns the points as fractions of that square.
 *
 * "Left" and "right" are as seen in the picture, like the app's part names (`left-eye` is the
 * eye on the image's left: the person's right eye).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp, { type Sharp } from 'sharp';
import type { Point } from '../../../shared/document/transform';
import { sha256OfFile } from '../inference/model-manifest';
import type { RgbPicture } from './face-detector';

/** The landmark model's manifest in the models folder (models/tools/convert_face_landmarks.py). */
export const FACE_LANDMARKS_MANIFEST = 'face-landmarks.json';
/** Points the model places, two numbers (x, y) each. */
export const LANDMARK_COUNT = 68;

/** A face box in the photo's pixels (a `DetectedFace` will do). */
export interface FaceBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The 68 iBUG points by part, in the order of the standard layout. */
export const LANDMARK_PARTS = {
  jaw: [0, 17],
  leftBrow: [17, 22],
  rightBrow: [22, 27],
  /** The bridge (27–30) and the bottom of the nose (31–35). */
  nose: [27, 36],
  leftEye: [36, 42],
  rightEye: [42, 48],
  /** The outer lip line (48–59) then the inner one (60–67). */
  mouth: [48, 68],
} as const satisfies Record<string, readonly [number, number]>;
export type LandmarkPart = keyof typeof LANDMARK_PARTS;

export interface FaceLandmarks {
  /** The 68 points in the photo's pixels, iBUG order. */
  readonly points: readonly Point[];
  /** The points of each part (outlines, in order). */
  readonly parts: Readonly<Record<LandmarkPart, readonly Point[]>>;
  /** The centres of the eye outlines (mean of their six points). */
  readonly leftEyeCentre: Point;
  readonly rightEyeCentre: Point;
  /** Distance between the eye centres, in the photo's pixels. */
  readonly eyeDistance: number;
  /**
   * The head's roll: the angle of the line from the left eye centre to the right one against
   * the horizontal, in degrees, positive when the right eye is lower (the head turned clockwise
   * as seen). Rotating the picture by −roll levels the eyes.
   */
  readonly rollDegrees: number;
  /** The square the network saw, in the photo's pixels (the box padded to a square). */
  readonly crop: { readonly x: number; readonly y: number; readonly size: number };
}

export class FaceLandmarksError extends Error {
  constructor(
    readonly code: 'model-not-installed' | 'model-invalid' | 'model-corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'FaceLandmarksError';
  }
}

interface LandmarksManifest {
  readonly file: string;
  readonly sha256: string;
  readonly inputSize: number;
  readonly inputName: string;
  readonly outputName: string;
}

/** Reads and checks the manifest: FaceShop's own words for every way it can be wrong. */
export async function readLandmarksManifest(modelsDir: string): Promise<LandmarksManifest> {
  const manifestPath = path.join(modelsDir, FACE_LANDMARKS_MANIFEST);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch {
    throw new FaceLandmarksError(
      'model-not-installed',
      `The face landmark model's manifest ${manifestPath} is missing; reinstall FaceShop.`,
    );
  }
  let raw: {
    file?: unknown;
    sha256?: unknown;
    inputSize?: unknown;
    points?: unknown;
    input?: { name?: unknown; shape?: unknown };
    outputs?: Record<string, unknown>;
  };
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    throw new FaceLandmarksError(
      'model-invalid',
      `The face landmark model's manifest ${manifestPath} is not valid JSON; reinstall FaceShop.`,
    );
  }
  const n = raw.inputSize;
  const outputs = raw.outputs && typeof raw.outputs === 'object' ? Object.entries(raw.outputs) : [];
  const [output] = outputs;
  const shapeIs = (shape: unknown, want: readonly number[]) =>
    Array.isArray(shape) && shape.length === want.length && shape.every((v, i) => v === want[i]);
  if (
    typeof raw.file !== 'string' ||
    path.basename(raw.file) !== raw.file ||
    typeof raw.sha256 !== 'string' ||
    typeof n !== 'number' ||
    !Number.isInteger(n) ||
    n < 16 ||
    raw.points !== LANDMARK_COUNT ||
    typeof raw.input?.name !== 'string' ||
    !shapeIs(raw.input.shape, [1, 3, n, n]) ||
    outputs.length !== 1 ||
    !output ||
    !shapeIs(output[1], [1, 2 * LANDMARK_COUNT])
  ) {
    throw new FaceLandmarksError(
      'model-invalid',
      `The face landmark model's manifest ${manifestPath} does not describe a ${LANDMARK_COUNT}-point landmark model; reinstall FaceShop.`,
    );
  }
  return {
    file: raw.file,
    sha256: raw.sha256,
    inputSize: n,
    inputName: raw.input.name,
    outputName: output[0],
  };
}

/**
 * How the face square is brought to the network's 112²: `'face-api'` (the default) exactly as
 * the package does it (bilinear point sampling, and its way back to the photo), so the points
 * are face-api's own to 1e-4 px; `'smooth'` resizes with libvips' Lanczos filter instead, which
 * averages a large face down (on the portraits the two are within 0.1 % of the pupil distance).
 */
export type LandmarkResampling = 'smooth' | 'face-api';

export class FaceLandmarker {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly manifest: LandmarksManifest,
    private readonly resample: LandmarkResampling,
  ) {}

  /** The side of the square the network sees (112). */
  get inputSize(): number {
    return this.manifest.inputSize;
  }

  /**
   * Loads models/face-landmarks.onnx after checking it against its manifest: a missing,
   * malformed, damaged or swapped file is a `FaceLandmarksError` saying so, never a crash.
   */
  static async open(
    modelsDir: string,
    options: { resample?: LandmarkResampling } = {},
  ): Promise<FaceLandmarker> {
    const manifest = await readLandmarksManifest(modelsDir);
    const file = path.join(modelsDir, manifest.file);
    let digest: string;
    try {
      digest = await sha256OfFile(file);
    } catch {
      throw new FaceLandmarksError(
        'model-not-installed',
        `The face landmark model ${file} is missing; reinstall FaceShop.`,
      );
    }
    if (digest !== manifest.sha256) {
      throw new FaceLandmarksError(
        'model-corrupt',
        `The face landmark model ${file} is damaged (its checksum does not match the manifest); reinstall FaceShop.`,
      );
    }
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(file, {
        executionProviders: ['cpu'],
        graphOptimizationLevel: 'all',
        intraOpNumThreads: 1,
      });
    } catch {
      throw new FaceLandmarksError(
        'model-invalid',
        `The face landmark model ${file} could not be loaded; reinstall FaceShop.`,
      );
    }
    if (
      !session.inputNames.includes(manifest.inputName) ||
      !session.outputNames.includes(manifest.outputName)
    ) {
      await session.release();
      throw new FaceLandmarksError(
        'model-invalid',
        `The face landmark model ${file} does not have the input and output its manifest names; reinstall FaceShop.`,
      );
    }
    return new FaceLandmarker(session, manifest, options.resample ?? 'face-api');
  }

  /** The landmarks of a face in a decoded RGB picture, in the picture's pixels. */
  async detect(picture: RgbPicture, face: FaceBox): Promise<FaceLandmarks> {
    const image = sharp(picture.data, {
      raw: { width: picture.width, height: picture.height, channels: 3 },
    });
    return this.run(image, picture.width, picture.height, face);
  }

  /**
   * The landmarks of a face in an encoded photo (any format sharp decodes), in the photo's
   * displayed (EXIF-oriented) pixels — the pixels `detectFacesInPhoto` reports boxes in. Only
   * the box's region is kept in memory.
   */
  async detectInPhoto(source: Uint8Array, face: FaceBox): Promise<FaceLandmarks> {
    const meta = await sharp(source).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const width = (turned ? meta.height : meta.width) ?? 0;
    const height = (turned ? meta.width : meta.height) ?? 0;
    const image = sharp(source, { limitInputPixels: 30000 * 30000 }).autoOrient();
    return this.run(image, width, height, face);
  }

  /** The raw network output (136 fractions of the input square) for planar RGB 0..255 input. */
  async infer(planarRgb: Float32Array): Promise<Float32Array> {
    const n = this.manifest.inputSize;
    const result = await this.session.run({
      [this.manifest.inputName]: new ort.Tensor('float32', planarRgb, [1, 3, n, n]),
    });
    const out = result[this.manifest.outputName]?.data;
    if (!(out instanceof Float32Array) || out.length !== 2 * LANDMARK_COUNT) {
      throw new FaceLandmarksError(
        'model-invalid',
        `The face landmark model gave ${out instanceof Float32Array ? out.length : 'no'} numbers instead of ${2 * LANDMARK_COUNT}; reinstall FaceShop.`,
      );
    }
    return out;
  }

  private async run(
    image: Sharp,
    width: number,
    height: number,
    face: FaceBox,
  ): Promise<FaceLandmarks> {
    const n = this.manifest.inputSize;
    const crop = faceApiCrop(face, width, height);
    const { left, top, w, h, padX, padY } = crop;
    const input = new Float32Array(3 * n * n); // black outside the box, as face-api pads
    const plane = n * n;
    let toPhoto: (u: number, v: number) => Point;
    if (this.resample === 'face-api') {
      const pixels = await image
        .extract({ left, top, width: w, height: h })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer();
      resizeBilinearLikeFaceApi(pixels, crop, n, input);
      // face-api's own way back (its postProcess and shiftBy): the output times the square's
      // side, less half the padding, plus the box's unrounded corner.
      const k = crop.side / n;
      const x0 = Math.max(face.x, 0) - (w < h ? (h - w) / 2 : 0);
      const y0 = Math.max(face.y, 0) - (h < w ? (w - h) / 2 : 0);
      toPhoto = (u, v) => ({ x: x0 + u * k, y: y0 + v * k });
    } else {
      // The box at the network's scale (each axis rounded to whole pixels), centred in n².
      const scale = n / crop.side;
      const rw = Math.max(1, Math.min(n, Math.round(w * scale)));
      const rh = Math.max(1, Math.min(n, Math.round(h * scale)));
      const ox = Math.floor((n - rw) / 2);
      const oy = Math.floor((n - rh) / 2);
      const pixels = await image
        .extract({ left, top, width: w, height: h })
        .resize(rw, rh, { fit: 'fill', kernel: 'lanczos3' })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer();
      for (let y = 0; y < rh; y++) {
        for (let x = 0; x < rw; x++) {
          const s = 3 * (y * rw + x);
          const d = (oy + y) * n + ox + x;
          input[d] = pixels[s] as number;
          input[plane + d] = pixels[s + 1] as number;
          input[2 * plane + d] = pixels[s + 2] as number;
        }
      }
      // libvips maps pixel centres: output pixel j shows input (j + ½)·k − ½, per axis.
      const kx = w / rw;
      const ky = h / rh;
      toPhoto = (u, v) => ({
        x: left + (u - ox + 0.5) * kx - 0.5,
        y: top + (v - oy + 0.5) * ky - 0.5,
      });
    }
    const out = await this.infer(input);
    const points: Point[] = [];
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      points.push(toPhoto((out[2 * i] as number) * n, (out[2 * i + 1] as number) * n));
    }
    return landmarksFromPoints(points, { x: left - padX, y: top - padY, size: crop.side });
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

interface FaceCrop {
  /** The box in whole pixels inside the photo. */
  readonly left: number;
  readonly top: number;
  readonly w: number;
  readonly h: number;
  /** The square's side and the black added before the box on its short side. */
  readonly side: number;
  readonly padX: number;
  readonly padY: number;
}

/**
 * face-api's crop of a box: clipped to the photo and floored (its `clipAtImageBorders`), then
 * padded to a square with black, half of the difference after the box (rounded) and the rest
 * before it (its `padToSquare` with centring).
 */
export function faceApiCrop(face: FaceBox, width: number, height: number): FaceCrop {
  const cx = Math.max(face.x, 0);
  const cy = Math.max(face.y, 0);
  const left = Math.floor(cx);
  const top = Math.floor(cy);
  const w = Math.min(Math.floor(Math.min(face.x + face.width - cx, width - cx)), width - left);
  const h = Math.min(Math.floor(Math.min(face.y + face.height - cy, height - cy)), height - top);
  if (!(w >= 2 && h >= 2)) {
    throw new FaceLandmarksError(
      'model-invalid',
      `The face box (${Math.round(face.x)}, ${Math.round(face.y)}, ${Math.round(face.width)} × ${Math.round(face.height)}) is not inside the ${width} × ${height} photo.`,
    );
  }
  const diff = Math.abs(w - h);
  const before = diff - Math.round(diff / 2);
  return {
    left,
    top,
    w,
    h,
    side: Math.max(w, h),
    padX: w < h ? before : 0,
    padY: h < w ? before : 0,
  };
}

/**
 * The padded square resized to n² exactly as face-api's TensorFlow.js does it
 * (`resizeBilinear`, corners not aligned, no half-pixel centres: output pixel j samples input
 * j · side / n, so a large face is point-sampled, not averaged).
 */
function resizeBilinearLikeFaceApi(
  pixels: Uint8Array,
  crop: FaceCrop,
  n: number,
  out: Float32Array,
): void {
  const { w, h, side, padX, padY } = crop;
  const k = side / n;
  const at = (x: number, y: number, c: number): number => {
    const ix = x - padX;
    const iy = y - padY;
    return ix < 0 || iy < 0 || ix >= w || iy >= h ? 0 : (pixels[3 * (iy * w + ix) + c] as number);
  };
  for (let oy = 0; oy < n; oy++) {
    const fy = oy * k;
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, side - 1);
    const ty = fy - y0;
    for (let ox = 0; ox < n; ox++) {
      const fx = ox * k;
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, side - 1);
      const tx = fx - x0;
      for (let c = 0; c < 3; c++) {
        const upper = at(x0, y0, c) + (at(x1, y0, c) - at(x0, y0, c)) * tx;
        const lower = at(x0, y1, c) + (at(x1, y1, c) - at(x0, y1, c)) * tx;
        out[c * n * n + oy * n + ox] = upper + (lower - upper) * ty;
      }
    }
  }
}

function mean(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/** Parts, eye centres, eye distance and roll from 68 points in iBUG order. */
export function landmarksFromPoints(
  points: readonly Point[],
  crop: FaceLandmarks['crop'],
): FaceLandmarks {
  if (points.length !== LANDMARK_COUNT) {
    throw new FaceLandmarksError(
      'model-invalid',
      `Face landmarks need ${LANDMARK_COUNT} points, not ${points.length}.`,
    );
  }
  const parts = Object.fromEntries(
    Object.entries(LANDMARK_PARTS).map(([name, [from, to]]) => [name, points.slice(from, to)]),
  ) as Record<LandmarkPart, Point[]>;
  const leftEyeCentre = mean(parts.leftEye);
  const rightEyeCentre = mean(parts.rightEye);
  const dx = rightEyeCentre.x - leftEyeCentre.x;
  const dy = rightEyeCentre.y - leftEyeCentre.y;
  return {
    points,
    parts,
    leftEyeCentre,
    rightEyeCentre,
    eyeDistance: Math.hypot(dx, dy),
    rollDegrees: (Math.atan2(dy, dx) * 180) / Math.PI,
    crop,
  };
}
