// The reference the landmark conversion is checked against: @vladmandic/face-api's own output,
// computed by the package's own code and its bundled TensorFlow.js (4.22, CPU backend) in Node.
//
//   npm pack @vladmandic/face-api@1.7.15 && tar xzf vladmandic-face-api-1.7.15.tgz
//   node models/tools/face-api-reference.mjs package /tmp/ref photo.jpg ...
//   /usr/bin/python3 models/tools/convert_face_landmarks.py package/model \
//       --reference /tmp/ref/landmarks-raw.json --reference-input /tmp/ref/crops-112.f32
//
// For each photo it runs face-api's pipeline as an app using the package would:
// detectSingleFace (tiny face detector, 416) → withFaceLandmarks (FaceLandmark68Net), and writes
//   crops-112.f32       the exact 112² network inputs face-api built (float32 NHWC, 0..255),
//   landmarks-raw.json  the network's raw output on them ({shape: [N, 136], data}),
//   photos.json         per photo: face-api's detection box and its 68 points in photo pixels.
// The converter compares the first two with the ONNX graph's PyTorch twin; the unit tests and
// the TypeScript side compare the last with FaceLandmarks on the same box.
//
// The package's ESM bundle stubs Node's `util` module out (its bundler leaves an empty object), so
// TensorFlow.js's Node platform cannot construct a TextEncoder; the bundle is loaded from a copy
// with that one reference pointed at the real `node:util`. Nothing else is changed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import sharp from 'sharp';

const [packageDir, outDir, ...photos] = process.argv.slice(2);
if (!packageDir || !outDir || photos.length === 0) {
  console.error('usage: node face-api-reference.mjs <face-api package dir> <out dir> <photo>...');
  process.exit(2);
}
const bundle = readFileSync(path.join(packageDir, 'dist', 'face-api.esm.js'), 'utf8');
const patched = bundle.replace('this.util=AR(),', 'this.util=globalThis.__faceApiNodeUtil,');
if (patched === bundle) throw new Error('face-api bundle: the util stub was not found');
const copy = path.join(os.tmpdir(), `face-api-${process.pid}.mjs`);
writeFileSync(copy, patched);
globalThis.__faceApiNodeUtil = util;
const faceapi = await import(copy);
const tf = faceapi.tf;
await tf.setBackend('cpu');
await tf.ready();

function loadNet(net, name) {
  const dir = path.join(packageDir, 'model');
  const manifest = JSON.parse(readFileSync(path.join(dir, `${name}-weights_manifest.json`), 'utf8'));
  const specs = manifest.flatMap((g) => g.weights);
  const bytes = Buffer.concat(manifest.flatMap((g) => g.paths.map((p) => readFileSync(path.join(dir, p)))));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  net.loadFromWeightMap(tf.io.decodeWeights(buffer, specs));
}
loadNet(faceapi.nets.tinyFaceDetector, 'tiny_face_detector_model');
loadNet(faceapi.nets.faceLandmark68Net, 'face_landmark_68_model');

mkdirSync(outDir, { recursive: true });
const crops = [];
const raw = [];
const results = [];
for (const file of photos) {
  const { data, info } = await sharp(file)
    .autoOrient()
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = tf.tensor3d(new Int32Array(data), [info.height, info.width, 3], 'int32');
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 });
  const found = await faceapi.detectSingleFace(image, options).withFaceLandmarks();
  if (!found) {
    console.log(`${path.basename(file)}: no face`);
    image.dispose();
    continue;
  }
  // The network's own input and raw output for this face, as withFaceLandmarks computed them.
  const [face] = await faceapi.extractFaceTensors(image, [found.detection]);
  const input = await faceapi.toNetInput(face);
  const batch = input.toBatchTensor(112, true);
  crops.push(Float32Array.from(await batch.data()));
  const out = faceapi.nets.faceLandmark68Net.runNet(input);
  raw.push(...(await out.data()));
  const { x, y, width, height } = found.detection.box;
  results.push({
    file: path.basename(file),
    width: info.width,
    height: info.height,
    box: { x, y, width, height },
    score: found.detection.score,
    points: found.landmarks.positions.map((p) => [p.x, p.y]),
  });
  console.log(
    `${path.basename(file)}: box ${[x, y, width, height].map((v) => v.toFixed(1)).join(' ')} score ${found.detection.score.toFixed(3)}`,
  );
  tf.dispose([image, face, batch, out]);
}
const all = new Float32Array(crops.length * 112 * 112 * 3);
crops.forEach((c, i) => all.set(c, i * c.length));
writeFileSync(path.join(outDir, 'crops-112.f32'), Buffer.from(all.buffer));
writeFileSync(path.join(outDir, 'landmarks-raw.json'), JSON.stringify({ shape: [crops.length, 136], data: raw }));
writeFileSync(path.join(outDir, 'photos.json'), JSON.stringify({ version: faceapi.version, tfjs: tf.version.tfjs, photos: results }, null, 1));
console.log(`wrote ${crops.length} faces to ${outDir}`);
