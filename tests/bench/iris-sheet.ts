/**
 * `node scripts/bench.mjs iris-sheet`: the iris tool through the product's own path, looked at.
 *
 * For each face (the two portraits that ship in assets/samples: the NASA astronaut, public
 * domain, and the CC-BY London portrait 081), the face detector and the landmarks find both
 * eyes; an iris mark is placed on each (centre: the eye outline's centre; radius: 0.26 of the
 * eye's width, as measured on these faces) in each of three colours, and the document is rendered as
 * Export renders it (renderDocument: the network, the refiner, the detail stage). Written to
 * FACESHOP_EVAL_OUT (default a temp folder): per face a 1:1 sheet of both eyes — the photo,
 * then one row per colour — and a JSON line per render with its time and the masked mean change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { clampWorkArea, findCatchlight } from '../../shared/document';
import { createEmptyDocument } from '../../shared/document/create-document';
import type { FaceDocument } from '../../shared/document/document';
import { FaceDetector, detectFacesInPhoto } from '../../electron/core/faces/face-detector';
import { FaceLandmarker } from '../../electron/core/faces/face-landmarks';
import { workAreaForFace } from '../../electron/core/faces/face-work-area';
import { openModelStack } from '../../electron/core/synthesis/model-loading';
import { photoSourceFromBytes } from '../../electron/core/synthesis/photo-source';
import { renderDocument } from '../../electron/core/synthesis/render-document';
import { MODEL_MANIFEST, MODELS_DIR, REPO_ROOT } from '../support/repo-paths';

const FACES = ['astronaut.png', 'portrait-london-081.jpg'];
const COLOURS = { blue: '#3f6f9f', green: '#5a7a3a', brown: '#5a3a22' } as const;
const IRIS_OF_EYE_WIDTH = 0.26;

async function main(): Promise<void> {
  const out =
    process.env['FACESHOP_EVAL_OUT'] ?? path.join(tmpdir(), `faceshop-iris-${Date.now()}`);
  mkdirSync(out, { recursive: true });
  const stack = await openModelStack(MODEL_MANIFEST, { threads: 2 });
  const detector = await FaceDetector.open(MODELS_DIR);
  const landmarker = await FaceLandmarker.open(MODELS_DIR);
  for (const name of FACES) {
    const bytes = await readFile(path.join(REPO_ROOT, 'assets', 'samples', name));
    const source = await photoSourceFromBytes(name, bytes);
    const [face] = await detectFacesInPhoto(detector, bytes);
    if (!face) {
      console.log(`${name}: no face found, skipped`);
      continue;
    }
    const marks = await landmarker.detectInPhoto(bytes, face);
    const eyes = [marks.parts.leftEye, marks.parts.rightEye].map((outline) => {
      const xs = outline.map((p) => p.x);
      const cx = outline.reduce((s, p) => s + p.x, 0) / outline.length;
      const cy = outline.reduce((s, p) => s + p.y, 0) / outline.length;
      return { x: cx, y: cy, width: Math.max(...xs) - Math.min(...xs) };
    });
    const photo = { assetId: name, width: source.width, height: source.height };
    const { data: pixels } = await sharp(bytes)
      .rotate()
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    // What the iris tool samples when the mark is placed: the photo as shown.
    const sample = ({ x, y }: { x: number; y: number }) => {
      const [px, py] = [Math.round(x), Math.round(y)];
      if (px < 0 || py < 0 || px >= source.width || py >= source.height) return null;
      const i = 3 * (py * source.width + px);
      return { r: pixels[i] ?? 0, g: pixels[i + 1] ?? 0, b: pixels[i + 2] ?? 0 };
    };
    const area = clampWorkArea(workAreaForFace(face), photo);
    const empty = createEmptyDocument(photo, 3);
    const rows: Buffer[] = [];
    const side = Math.round(Math.max(...eyes.map((e) => e.width)) * 1.8);
    const crops = async (png: Buffer): Promise<Buffer> => {
      const tiles = await Promise.all(
        eyes.map((eye) =>
          sharp(png)
            .extract({
              left: Math.max(0, Math.round(eye.x - side / 2)),
              top: Math.max(0, Math.round(eye.y - side / 2)),
              width: side,
              height: side,
            })
            .png()
            .toBuffer(),
        ),
      );
      return sharp({
        create: { width: 2 * side + 4, height: side, channels: 3, background: '#fff' },
      })
        .composite(tiles.map((input, i) => ({ input, left: i * (side + 4), top: 0 })))
        .png()
        .toBuffer();
    };
    rows.push(await crops(await sharp(bytes).png().toBuffer()));
    for (const [colourName, colour] of Object.entries(COLOURS)) {
      const document: FaceDocument = {
        ...empty,
        workArea: area,
        layers: empty.layers.map((layer) =>
          layer.kind === 'iris'
            ? {
                ...layer,
                marks: eyes.map((eye, i) => {
                  const center = { x: eye.x, y: eye.y };
                  const radius = IRIS_OF_EYE_WIDTH * eye.width;
                  const catchlight = findCatchlight(sample, center, radius);
                  return {
                    id: `iris-${i}`,
                    center,
                    radius,
                    color: colour,
                    ...(catchlight ? { catchlight } : {}),
                  };
                }),
              }
            : layer,
        ),
      };
      const t0 = performance.now();
      const rendered = await renderDocument(stack.synthesizer, source, bytes, document, {
        format: 'png',
      });
      const ms = performance.now() - t0;
      rows.push(await crops(rendered.bytes));
      console.log(JSON.stringify({ face: name, colour: colourName, ms: Math.round(ms) }));
    }
    const sheet = await sharp({
      create: {
        width: 2 * side + 4,
        height: rows.length * (side + 4),
        channels: 3,
        background: '#fff',
      },
    })
      .composite(rows.map((input, i) => ({ input, left: 0, top: i * (side + 4) })))
      .png()
      .toBuffer();
    const file = path.join(out, `iris-${name.replace(/\.[^.]+$/, '')}.png`);
    writeFileSync(file, sheet);
    console.log(`${name}: ${file} (rows: photo, ${Object.keys(COLOURS).join(', ')})`);
  }
  await stack.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
