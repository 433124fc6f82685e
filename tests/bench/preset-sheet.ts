/**
 * `node scripts/bench.mjs preset-sheet`: where the face-part presets land on real faces, looked
 * at. For each held-out portrait (../shared/datasets/portraits; without it, a printed reason and
 * exit 0) the app's own detector and landmarks run as when a photo opens, and every preset's
 * outline is drawn as the paste source panel selects it: green from the face's own landmarks,
 * red where the mean training face would put it. Written to FACESHOP_EVAL_OUT (default a temp
 * folder) as preset-sheet.png, the faces at half size, 4 per row.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { FaceLocator } from '../../electron/core/faces/face-locator';
import { FACE_PART_NAMES } from '../../shared/paste/face-parts';
import { selectionPolygon } from '../../shared/paste/paste-selection';
import { MODELS_DIR, REPO_ROOT } from '../support/repo-paths';
import { HELD_OUT_PORTRAITS } from './portrait-parts';

const PRESETS = FACE_PART_NAMES.filter((part) => part !== 'brows' && part !== 'both-eyes');
const SCALE = 0.5;

async function main(): Promise<void> {
  const portraits =
    process.env['FACESHOP_PORTRAITS'] ??
    path.join(REPO_ROOT, '..', 'shared', 'datasets', 'portraits');
  if (!existsSync(portraits)) {
    console.log(`preset-sheet: no portraits at ${portraits}; nothing to draw`);
    return;
  }
  const out =
    process.env['FACESHOP_EVAL_OUT'] ?? path.join(tmpdir(), `faceshop-presets-${Date.now()}`);
  mkdirSync(out, { recursive: true });
  const locator = new FaceLocator(MODELS_DIR);
  const tiles: Buffer[] = [];
  let side = 0;
  for (const name of HELD_OUT_PORTRAITS.slice(0, 12)) {
    const bytes = await readFile(path.join(portraits, `${name}.jpg`));
    const meta = await sharp(bytes).metadata();
    const found = await locator.locate(bytes, { width: meta.width, height: meta.height });
    if (!found.workArea || !found.landmarks) {
      console.log(`${name}: no face or no landmarks, left out`);
      continue;
    }
    const area = found.workArea;
    const landmarks = found.landmarks.map(({ x, y }) => ({ x, y }));
    const outline = (landmarked: boolean) =>
      PRESETS.map((part) => {
        const polygon = selectionPolygon(
          { kind: 'face-part', part, ...(landmarked ? { landmarks } : {}) },
          area,
        );
        const d = polygon
          .map(
            (p, i) =>
              `${i === 0 ? 'M' : 'L'}${(p.x - area.x).toFixed(1)},${(p.y - area.y).toFixed(1)}`,
          )
          .join(' ');
        return `<path d="${d} Z" fill="none" stroke="${landmarked ? '#35e06a' : '#ff4040'}" stroke-width="3"/>`;
      }).join('');
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${area.size}" height="${area.size}">${outline(false)}${outline(true)}</svg>`,
    );
    side = Math.round(area.size * SCALE);
    // Two pipelines: sharp applies one resize per pipeline, after its extract.
    const framed = await sharp(bytes)
      .extract({
        left: Math.max(0, area.x),
        top: Math.max(0, area.y),
        width: Math.min(area.size, meta.width - Math.max(0, area.x)),
        height: Math.min(area.size, meta.height - Math.max(0, area.y)),
      })
      .resize(area.size, area.size, { fit: 'fill' })
      .png()
      .toBuffer();
    const crop = await sharp(
      await sharp(framed)
        .composite([{ input: svg }])
        .png()
        .toBuffer(),
    )
      .resize(side, side)
      .png()
      .toBuffer();
    tiles.push(crop);
    console.log(`${name}: drawn`);
  }
  await locator.dispose();
  if (tiles.length === 0) return;
  const columns = 4;
  const rows = Math.ceil(tiles.length / columns);
  const sheet = await sharp({
    create: {
      width: columns * (side + 4),
      height: rows * (side + 4),
      channels: 3,
      background: '#fff',
    },
  })
    .composite(
      await Promise.all(
        tiles.map(async (tile, i) => ({
          input: await sharp(tile).resize(side, side).png().toBuffer(),
          left: (i % columns) * (side + 4),
          top: Math.floor(i / columns) * (side + 4),
        })),
      ),
    )
    .png()
    .toBuffer();
  const file = path.join(out, 'preset-sheet.png');
  writeFileSync(file, sheet);
  console.log(`preset-sheet: ${file} (green: from the face's landmarks; red: the mean face)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
