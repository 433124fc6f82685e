import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FaceDetector,
  detectFacesInPhoto,
  type DetectedFace,
} from '../../../electron/core/faces/face-detector';
import {
  FACE_LANDMARKS_MANIFEST,
  FaceLandmarker,
  FaceLandmarksError,
  LANDMARK_COUNT,
  LANDMARK_PARTS,
  faceApiCrop,
  landmarksFromPoints,
  type FaceLandmarks,
} from '../../../electron/core/faces/face-landmarks';
import { MODELS_DIR, SAMPLE_PHOTO } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

/** face-api's own output on the astronaut (models/tools/face-api-reference.mjs, once). */
const REFERENCE = JSON.parse(
  await readFile(path.join(import.meta.dirname, 'face-api-astronaut-landmarks.json'), 'utf8'),
) as {
  box: { x: number; y: number; width: number; height: number };
  points: Array<[number, number]>;
};

const MANIFEST = JSON.parse(
  await readFile(path.join(MODELS_DIR, FACE_LANDMARKS_MANIFEST), 'utf8'),
) as {
  file: string;
  version: string;
  licence: string;
  bytes: number;
  inputSize: number;
  input: { name: string; shape: number[] };
  outputs: Record<string, number[]>;
};

let detector: FaceDetector;
let landmarker: FaceLandmarker;
let photo: Buffer;
let face: DetectedFace;
let found: FaceLandmarks;
beforeAll(async () => {
  detector = await FaceDetector.open(MODELS_DIR);
  landmarker = await FaceLandmarker.open(MODELS_DIR);
  photo = await readFile(SAMPLE_PHOTO);
  [face] = (await detectFacesInPhoto(detector, photo)) as [DetectedFace];
  found = await landmarker.detectInPhoto(photo, face);
});
afterAll(async () => {
  await landmarker.dispose();
  await detector.dispose();
});

const centre = (points: readonly { x: number; y: number }[]) => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

describe('face landmarks on the astronaut portrait', () => {
  it('puts 68 points on the face, inside the detected box', () => {
    expect(found.points).toHaveLength(LANDMARK_COUNT);
    for (const p of found.points) {
      expect(p.x).toBeGreaterThan(face.x);
      expect(p.x).toBeLessThan(face.x + face.width);
      expect(p.y).toBeGreaterThan(face.y);
      expect(p.y).toBeLessThan(face.y + face.height);
    }
  });

  it('has brows above eyes above the nose tip above the mouth above the chin', () => {
    const { parts } = found;
    const brows = centre([...parts.leftBrow, ...parts.rightBrow]);
    const eyes = centre([...parts.leftEye, ...parts.rightEye]);
    const noseTip = found.points[30] as { x: number; y: number };
    const mouth = centre(parts.mouth);
    const chin = found.points[8] as { x: number; y: number };
    expect(brows.y).toBeLessThan(eyes.y);
    expect(eyes.y).toBeLessThan(noseTip.y);
    expect(noseTip.y).toBeLessThan(mouth.y);
    expect(mouth.y).toBeLessThan(chin.y);
    // The left eye (as seen) is on the left, the nose and mouth between the eyes.
    expect(found.leftEyeCentre.x).toBeLessThan(noseTip.x);
    expect(noseTip.x).toBeLessThan(found.rightEyeCentre.x);
    expect(mouth.x).toBeGreaterThan(found.leftEyeCentre.x);
    expect(mouth.x).toBeLessThan(found.rightEyeCentre.x);
  });

  it('measures a plausible eye distance and a nearly upright head', () => {
    // Eye centres of an adult face are about 0.35–0.5 of the face's width apart.
    expect(found.eyeDistance / face.width).toBeGreaterThan(0.3);
    expect(found.eyeDistance / face.width).toBeLessThan(0.55);
    expect(Math.abs(found.rollDegrees)).toBeLessThan(8);
    for (const [name, [from, to]] of Object.entries(LANDMARK_PARTS)) {
      expect(found.parts[name as keyof typeof LANDMARK_PARTS]).toHaveLength(to - from);
    }
  });

  it('gives face-api’s own points for face-api’s box (the conversion is exact)', async () => {
    const same = await landmarker.detectInPhoto(photo, REFERENCE.box);
    let worst = 0;
    same.points.forEach((p, i) => {
      const [x, y] = REFERENCE.points[i] as [number, number];
      worst = Math.max(worst, Math.hypot(p.x - x, p.y - y));
    });
    expect(worst).toBeLessThan(0.02); // the reference is rounded to 0.01 px
  });

  it('stays within a pixel or two of face-api with the smooth resize', async () => {
    const smooth = await FaceLandmarker.open(MODELS_DIR, { resample: 'smooth' });
    const points = (await smooth.detectInPhoto(photo, REFERENCE.box)).points;
    await smooth.dispose();
    const errors = points.map((p, i) => {
      const [x, y] = REFERENCE.points[i] as [number, number];
      return Math.hypot(p.x - x, p.y - y);
    });
    expect(Math.max(...errors)).toBeLessThan(2);
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(1);
  });

  it('reports points in the EXIF-oriented photo, like the detector', async () => {
    // Stored a quarter turn off, tagged orientation 6: displayed upright, as the original.
    const stored = await sharp(SAMPLE_PHOTO)
      .rotate(-90)
      .png()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const turned = await landmarker.detectInPhoto(stored, face);
    turned.points.forEach((p, i) => {
      const q = found.points[i] as { x: number; y: number };
      expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(0.01);
    });
  });

  it('finds the same points in a decoded picture as in the encoded photo', async () => {
    const { data, info } = await sharp(photo)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const fromPicture = await landmarker.detect(
      { data, width: info.width, height: info.height },
      face,
    );
    fromPicture.points.forEach((p, i) => {
      const q = found.points[i] as { x: number; y: number };
      expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(0.01);
    });
  });

  it('follows a tilted head: the roll is the turn of the photo', async () => {
    // The portrait turned 20° clockwise about the face's centre (grey corners): the eye line
    // turns with it. The box is the upright one turned the same way (its centre moves).
    const angle = 20;
    const c = { x: face.x + face.width / 2, y: face.y + face.height / 2 };
    const { data, info } = await sharp(photo)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const turnedData = Buffer.alloc(data.length, 110);
    const a = (angle * Math.PI) / 180;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        // Nearest source pixel of the inverse rotation about c.
        const dx = x - c.x;
        const dy = y - c.y;
        const sx = Math.round(c.x + dx * Math.cos(a) + dy * Math.sin(a));
        const sy = Math.round(c.y - dx * Math.sin(a) + dy * Math.cos(a));
        if (sx < 0 || sy < 0 || sx >= info.width || sy >= info.height) continue;
        data.copy(
          turnedData,
          3 * (y * info.width + x),
          3 * (sy * info.width + sx),
          3 * (sy * info.width + sx) + 3,
        );
      }
    }
    const tilted = await landmarker.detect(
      { data: turnedData, width: info.width, height: info.height },
      face,
    );
    expect(tilted.rollDegrees - found.rollDegrees).toBeGreaterThan(angle - 6);
    expect(tilted.rollDegrees - found.rollDegrees).toBeLessThan(angle + 6);
  });
});

describe('the landmark model’s contract', () => {
  it('is the small, MIT-licensed face-api model its manifest describes', async () => {
    expect(MANIFEST.version).toBe('1.7.15');
    expect(MANIFEST.licence).toBe('MIT');
    const bytes = await readFile(path.join(MODELS_DIR, MANIFEST.file));
    expect(bytes.length).toBe(MANIFEST.bytes);
    expect(bytes.length).toBeLessThan(1_000_000);
  });

  it('takes and returns the shapes in the manifest', async () => {
    const session = await ort.InferenceSession.create(path.join(MODELS_DIR, MANIFEST.file));
    try {
      expect(session.inputNames).toEqual([MANIFEST.input.name]);
      const [outputName, outputShape] = Object.entries(MANIFEST.outputs)[0] as [string, number[]];
      expect(session.outputNames).toEqual([outputName]);
      expect(MANIFEST.input.shape).toEqual([1, 3, MANIFEST.inputSize, MANIFEST.inputSize]);
      const n = MANIFEST.inputSize;
      const grey = new Float32Array(3 * n * n).fill(128);
      const out = (
        await session.run({
          [MANIFEST.input.name]: new ort.Tensor('float32', grey, MANIFEST.input.shape),
        })
      )[outputName] as ort.Tensor;
      expect(out.dims).toEqual(outputShape);
      expect(outputShape).toEqual([1, 2 * LANDMARK_COUNT]);
      // Fractions of the crop: a face-like layout even on grey, well inside 0..1.
      for (const v of out.data as Float32Array) {
        expect(v).toBeGreaterThan(-0.5);
        expect(v).toBeLessThan(1.5);
      }
    } finally {
      await session.release();
    }
  });
});

describe('loading the landmark model', () => {
  const copyManifest = async (dir: string, edit?: (m: Record<string, unknown>) => void) => {
    const m = JSON.parse(
      await readFile(path.join(MODELS_DIR, FACE_LANDMARKS_MANIFEST), 'utf8'),
    ) as Record<string, unknown>;
    edit?.(m);
    await writeFile(path.join(dir, FACE_LANDMARKS_MANIFEST), JSON.stringify(m));
  };

  it('says the model is missing when its manifest is not there', async () => {
    const dir = await makeTempDir();
    const opening = FaceLandmarker.open(dir);
    await expect(opening).rejects.toThrow(FaceLandmarksError);
    await expect(FaceLandmarker.open(dir)).rejects.toThrow(
      /face landmark model's manifest .* is missing; reinstall FaceShop/,
    );
  });

  it('says the model file is missing when only the manifest is there', async () => {
    const dir = await makeTempDir();
    await copyManifest(dir);
    await expect(FaceLandmarker.open(dir)).rejects.toMatchObject({
      code: 'model-not-installed',
      message: expect.stringMatching(/face landmark model .*face-landmarks\.onnx is missing/),
    });
  });

  it('refuses a damaged model file', async () => {
    const dir = await makeTempDir();
    await copyManifest(dir);
    const bytes = await readFile(path.join(MODELS_DIR, MANIFEST.file));
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff;
    await writeFile(path.join(dir, MANIFEST.file), bytes);
    await expect(FaceLandmarker.open(dir)).rejects.toMatchObject({
      code: 'model-corrupt',
      message: expect.stringMatching(/damaged/),
    });
  });

  it('refuses a manifest that describes another model', async () => {
    const dir = await makeTempDir();
    await copyFile(path.join(MODELS_DIR, MANIFEST.file), path.join(dir, MANIFEST.file));
    await copyManifest(dir, (m) => {
      m['outputs'] = { boxes: [1, 845, 4] };
    });
    await expect(FaceLandmarker.open(dir)).rejects.toMatchObject({
      code: 'model-invalid',
      message: expect.stringMatching(/does not describe a 68-point landmark model/),
    });
    await writeFile(path.join(dir, FACE_LANDMARKS_MANIFEST), '{ not json');
    await expect(FaceLandmarker.open(dir)).rejects.toThrow(/not valid JSON/);
  });
});

describe('landmark geometry', () => {
  it('crops like face-api: the box in whole pixels, padded to a square on its short side', () => {
    expect(faceApiCrop({ x: 10.7, y: 20.2, width: 100.9, height: 80.5 }, 500, 500)).toEqual({
      left: 10,
      top: 20,
      w: 100,
      h: 80,
      side: 100,
      padX: 0,
      padY: 10,
    });
    // Clipped at the photo's edges; the odd half of the padding goes after the box.
    expect(faceApiCrop({ x: -5, y: 0, width: 50, height: 30 }, 40, 100)).toMatchObject({
      left: 0,
      w: 40,
      h: 30,
      side: 40,
      padY: 5,
    });
    expect(() => faceApiCrop({ x: 600, y: 0, width: 50, height: 50 }, 500, 500)).toThrow(
      /not inside the 500 × 500 photo/,
    );
  });

  it('measures roll from the eye centres, positive when the right eye is lower', () => {
    const turn = (deg: number) => {
      const a = (deg * Math.PI) / 180;
      // A face-like layout: eye points at ±30 px, the rest below.
      const base = Array.from({ length: LANDMARK_COUNT }, (_, i) => ({
        x: i >= 36 && i < 42 ? -30 + (i - 38.5) : i >= 42 && i < 48 ? 30 + (i - 44.5) : 0,
        y: i >= 36 && i < 48 ? 0 : 40,
      }));
      return base.map((p) => ({
        x: 100 + p.x * Math.cos(a) - p.y * Math.sin(a),
        y: 100 + p.x * Math.sin(a) + p.y * Math.cos(a),
      }));
    };
    for (const deg of [-25, 0, 12]) {
      const lm = landmarksFromPoints(turn(deg), { x: 0, y: 0, size: 200 });
      expect(lm.rollDegrees).toBeCloseTo(deg, 6);
      expect(lm.eyeDistance).toBeCloseTo(60, 6);
    }
    expect(() => landmarksFromPoints([], { x: 0, y: 0, size: 1 })).toThrow(/68 points/);
  });
});
