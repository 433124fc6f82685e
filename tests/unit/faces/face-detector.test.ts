import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FaceDetector,
  FaceDetectorError,
  detectFacesInPhoto,
  suppressOverlaps,
  type DetectedFace,
} from '../../../electron/core/faces/face-detector';
import { primaryFace, workAreaForFace } from '../../../electron/core/faces/face-work-area';
import { MODELS_DIR, SAMPLE_PHOTO } from '../../support/repo-paths';
import { gradientRaw } from '../../support/photo-fixtures';
import { makeTempDir } from '../../support/temp-dir';

// face-api's own TensorFlow.js detector found the astronaut's face at this box (measured once
// when the model was converted; the ONNX graph matches it to 1e-4 on the raw head output).
const ASTRONAUT_FACE = { x: 162.8, y: 75.3, width: 116.3, height: 111.6 };

let detector: FaceDetector;
beforeAll(async () => {
  detector = await FaceDetector.open(MODELS_DIR);
});
afterAll(async () => {
  await detector.dispose();
});

function centre(f: { x: number; y: number; width: number; height: number }) {
  return { x: f.x + f.width / 2, y: f.y + f.height / 2 };
}

describe('face detector', () => {
  it('finds the one face of the astronaut portrait where face-api finds it', async () => {
    const faces = await detectFacesInPhoto(detector, await readFile(SAMPLE_PHOTO));
    expect(faces).toHaveLength(1);
    const [face] = faces as [DetectedFace];
    expect(face.score).toBeGreaterThan(0.9);
    const c = centre(face);
    const want = centre(ASTRONAUT_FACE);
    expect(Math.abs(c.x - want.x)).toBeLessThan(6);
    expect(Math.abs(c.y - want.y)).toBeLessThan(6);
    expect(face.width / ASTRONAUT_FACE.width).toBeGreaterThan(0.9);
    expect(face.width / ASTRONAUT_FACE.width).toBeLessThan(1.1);
  });

  it('finds no face in a picture without one', async () => {
    const photo = await gradientRaw(900, 600).png().toBuffer();
    expect(await detectFacesInPhoto(detector, photo)).toEqual([]);
  });

  it('finds a small face in a large photo (tiled pass) in the photo’s own pixels', async () => {
    // The astronaut portrait at 1400 px, off-centre in a 6000 × 4000 grey photo: a face of
    // ~320 px, 1/19 of the width, too small for the whole-photo pass alone.
    const portrait = await sharp(SAMPLE_PHOTO).resize(1400, 1400).png().toBuffer();
    const photo = await sharp({
      create: { width: 6000, height: 4000, channels: 3, background: { r: 90, g: 96, b: 104 } },
    })
      .composite([{ input: portrait, left: 4300, top: 900 }])
      .jpeg({ quality: 90 })
      .toBuffer();
    const faces = await detectFacesInPhoto(detector, photo);
    expect(faces.length).toBeGreaterThanOrEqual(1);
    const face = primaryFace(faces) as DetectedFace;
    const c = centre(face);
    const k = 1400 / 512;
    const want = { x: 4300 + centre(ASTRONAUT_FACE).x * k, y: 900 + centre(ASTRONAUT_FACE).y * k };
    expect(Math.abs(c.x - want.x)).toBeLessThan(40);
    expect(Math.abs(c.y - want.y)).toBeLessThan(40);
    expect(face.width / (ASTRONAUT_FACE.width * k)).toBeGreaterThan(0.8);
    expect(face.width / (ASTRONAUT_FACE.width * k)).toBeLessThan(1.25);
  }, 60_000);

  it('reports coordinates in the EXIF-oriented photo', async () => {
    // Stored rotated a quarter turn, tagged orientation 6: displayed upright, 512 wide.
    const stored = await sharp(SAMPLE_PHOTO)
      .rotate(-90)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const faces = await detectFacesInPhoto(detector, stored);
    expect(faces).toHaveLength(1);
    const c = centre(faces[0] as DetectedFace);
    const want = centre(ASTRONAUT_FACE);
    expect(Math.abs(c.x - want.x)).toBeLessThan(8);
    expect(Math.abs(c.y - want.y)).toBeLessThan(8);
  });

  it('refuses a damaged model file with a message that says so', async () => {
    const dir = await makeTempDir();
    await copyFile(
      path.join(MODELS_DIR, 'face-detector.json'),
      path.join(dir, 'face-detector.json'),
    );
    const bytes = await readFile(path.join(MODELS_DIR, 'face-detector.onnx'));
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff;
    await writeFile(path.join(dir, 'face-detector.onnx'), bytes);
    await expect(FaceDetector.open(dir)).rejects.toThrow(FaceDetectorError);
    await expect(FaceDetector.open(dir)).rejects.toThrow(/damaged/);
  });

  it('refuses a missing model with a message that says so', async () => {
    const dir = await makeTempDir();
    await expect(FaceDetector.open(dir)).rejects.toThrow(/manifest .* could not be read/);
  });
});

describe('face boxes', () => {
  const face = (x: number, y: number, size: number, score: number): DetectedFace => ({
    x,
    y,
    width: size,
    height: size,
    score,
  });

  it('keeps the best of overlapping boxes and separate faces apart', () => {
    const kept = suppressOverlaps([
      face(0, 0, 100, 0.7),
      face(5, 5, 100, 0.9),
      face(300, 0, 80, 0.8),
    ]);
    expect(kept.map((f) => f.score)).toEqual([0.9, 0.8]);
  });

  it('prefers the largest clear face, not a large doubtful one', () => {
    expect(primaryFace([face(0, 0, 50, 0.95), face(100, 0, 120, 0.9)])?.width).toBe(120);
    expect(primaryFace([face(0, 0, 50, 0.95), face(100, 0, 200, 0.55)])?.width).toBe(50);
    expect(primaryFace([])).toBeNull();
  });

  it('frames a face like the training crops: about the box, nudged up', () => {
    const area = workAreaForFace(face(1000, 2000, 400, 0.9));
    expect(area.size).toBe(400);
    expect(Math.abs(area.x + area.size / 2 - 1205.3)).toBeLessThanOrEqual(1);
    expect(Math.abs(area.y + area.size / 2 - 2188.5)).toBeLessThanOrEqual(1);
  });
});
