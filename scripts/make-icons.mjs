#!/usr/bin/env node
/**
 * `node scripts/make-icons.mjs`: renders build/icon.svg into every icon electron-builder packs
 * (run it after changing the SVG; the results are committed so packaging needs no renderer):
 *
 *   build/icon.png          1024 × 1024, the source electron-builder falls back to
 *   build/icons/<N>x<N>.png Linux (AppImage, deb): hicolor sizes 16 … 1024
 *   build/icon.ico          Windows (NSIS, the exe, the .faceshop file icon): 16 … 256
 *   build/icon.icns         macOS (dmg, the app bundle, the .faceshop document icon): 16 … 1024
 *
 * ICO and ICNS both allow PNG-compressed entries, so each is a small container of the PNGs
 * sharp renders; no platform tool (iconutil, ImageMagick) is needed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types (Apple's icns format) and the pixel size each holds, PNG-compressed. */
/** @type {[string, number][]} */
export const ICNS_ENTRIES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const svg = await readFile('build/icon.svg');
/** @type {Map<number, Buffer>} */
const rendered = new Map();
/** @param {number} size */
async function png(size) {
  let bytes = rendered.get(size);
  if (!bytes) {
    // The SVG is 64 units wide: render at the density that gives `size` pixels directly.
    bytes = await sharp(svg, { density: (72 * size) / 64 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer();
    rendered.set(size, bytes);
  }
  return bytes;
}

await mkdir('build/icons', { recursive: true });
for (const size of LINUX_SIZES) await writeFile(`build/icons/${size}x${size}.png`, await png(size));
await writeFile('build/icon.png', await png(1024));
await writeFile(
  'build/icon.ico',
  ico(await Promise.all(ICO_SIZES.map(async (s) => [s, await png(s)]))),
);
await writeFile(
  'build/icon.icns',
  icns(await Promise.all(ICNS_ENTRIES.map(async ([type, s]) => [type, await png(s)]))),
);
console.log('icons: build/icon.png, build/icons/*.png, build/icon.ico, build/icon.icns');

/** ICONDIR + one ICONDIRENTRY per image + the PNGs; 256 is written as 0 (the format's rule). */
/** @param {[number, Buffer][]} images */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, data], i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map(([, data]) => data)]);
}

/** 'icns' + total length, then per entry: type, length including its 8-byte header, PNG. */
/** @param {[string, Buffer][]} entries */
function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}
