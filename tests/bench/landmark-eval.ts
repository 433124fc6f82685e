/**
 * `node scripts/bench.mjs landmark-eval`: how well the face landmarks (electron/core/faces/
 * face-landmarks.ts) sit on real studio portraits, against the hand-placed Face Research Lab
 * templates (`.tem`, 189 points) of `../shared/datasets/portraits`, with the app's own detector
 * giving the box, as in the app. Without the portraits it says so and exits 0.
 *
 * The template and the 68-point iBUG layout mark different points. Where a point is the same
 * anatomical spot in both (eye and mouth corners, the bottom of the nose between the nostrils,
 * the chin) the error is the distance to it; elsewhere (points spaced along a lid, a lip line,
 * the brow, the nose bridge and its bottom, the jaw) it is the distance to the template's line
 * for that contour — the iBUG points are spaced along it by convention, not at marked spots. Errors
 * are shares of the distance between the pupils (template points 0 and 1). Also: the eye centre
 * (mean of its six points) against the template's pupil, and the roll from the eye centres
 * against the roll of the pupils.
 *
 * FACESHOP_LANDMARK_RESAMPLE=smooth crops with a Lanczos resize instead of face-api's own
 * bilinear point sampling; FACESHOP_LANDMARK_DUMP=file.json writes every box and point (for plots).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FaceDetector, detectFacesInPhoto } from '../../electron/core/faces/face-detector';
import {
  FaceLandmarker,
  type FaceLandmarks,
  type LandmarkResampling,
} from '../../electron/core/faces/face-landmarks';
import { primaryFace } from '../../electron/core/faces/face-work-area';
import type { Point } from '../../shared/document/transform';
import { MODELS_DIR, REPO_ROOT } from '../support/repo-paths';

/** Template point indices (Face Research Lab, checked by plotting; see the portraits README). */
const T = {
  pupils: [0, 1],
  leftUpperLid: [18, 19, 20, 21, 22], // 18 outer corner, 22 inner (image left eye)
  leftLowerLid: [18, 28, 29, 30, 22],
  rightUpperLid: [23, 24, 25, 26, 27], // 23 inner corner, 27 outer
  rightLowerLid: [23, 31, 32, 33, 27],
  // Brow outlines: the upper edge from end to end, back along the lower edge (71, 82 outer ends).
  leftBrow: [71, 72, 73, 74, 75, 76, 84, 83, 71],
  rightBrow: [77, 78, 79, 80, 81, 82, 86, 85, 77],
  noseBottom: [63, 64, 65, 179, 180, 55, 181, 182, 70, 69, 68], // 55 below the tip, between the nostrils
  upperLipTop: [87, 88, 89, 90, 91, 92, 93], // 87, 93 the corners
  upperLipInner: [87, 94, 95, 96, 97, 98, 93],
  lowerLipInner: [87, 99, 100, 101, 102, 103, 93],
  lowerLipBottom: [87, 104, 105, 106, 107, 108, 93],
  // Temple → in front of the ear → jaw → chin (129) → the other side.
  faceOutline: [
    109, 185, 110, 186, 111, 125, 126, 127, 128, 129, 130, 131, 132, 133, 114, 188, 113, 187, 112,
  ],
} as const;

type Target = { point: number } | { line: readonly number[] } | { bridge: true };

/** For each iBUG point: the template spot or line it is measured against. */
function targetOf(i: number): Target {
  if (i <= 16) return i === 8 ? { point: 129 } : { line: T.faceOutline };
  // iBUG's brow points follow the brow's upper edge and stop short of its ends; the template's
  // ends (71, 76, 77, 82) are the brow's lower tips, so brow points are measured to the outline.
  if (i < 22) return { line: T.leftBrow };
  if (i < 27) return { line: T.rightBrow };
  if (i <= 30) return { bridge: true };
  if (i === 33) return { point: 55 };
  if (i <= 35) return { line: T.noseBottom };
  const eye: Record<number, Target> = {
    36: { point: 18 },
    37: { line: T.leftUpperLid },
    38: { line: T.leftUpperLid },
    39: { point: 22 },
    40: { line: T.leftLowerLid },
    41: { line: T.leftLowerLid },
    42: { point: 23 },
    43: { line: T.rightUpperLid },
    44: { line: T.rightUpperLid },
    45: { point: 27 },
    46: { line: T.rightLowerLid },
    47: { line: T.rightLowerLid },
  };
  if (i <= 47) return eye[i] as Target;
  if (i === 48 || i === 60) return { point: 87 };
  if (i === 54 || i === 64) return { point: 93 };
  if (i <= 53) return { line: T.upperLipTop };
  if (i <= 59) return { line: T.lowerLipBottom };
  if (i <= 63) return { line: T.upperLipInner };
  return { line: T.lowerLipInner };
}

const PARTS: ReadonlyArray<readonly [string, number, number]> = [
  ['eyes', 36, 48],
  ['brows', 17, 27],
  ['nose', 27, 36],
  ['mouth', 48, 68],
  ['jaw', 0, 17],
  ['all 68', 0, 68],
];

function distToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

function distToLine(p: Point, line: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++)
    best = Math.min(best, distToSegment(p, line[i - 1] as Point, line[i] as Point));
  return best;
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

function readTemplate(text: string): Point[] {
  const lines = text.split(/\r?\n/);
  const count = Number(lines[0]);
  return lines.slice(1, 1 + count).map((l) => {
    const [x, y] = l.trim().split(/\s+/).map(Number);
    return { x: x as number, y: y as number };
  });
}

/** Per-point error (pixels) of the landmarks against a template. */
function pointErrors(lm: FaceLandmarks, t: readonly Point[]): number[] {
  const at = (i: number) => t[i] as Point;
  const bridge = [
    [50, 56],
    [51, 57],
    [52, 58],
    [53, 59],
    [54, 60],
  ].map(([a, b]) => mid(at(a as number), at(b as number)));
  return lm.points.map((p, i) => {
    const target = targetOf(i);
    if ('point' in target) return Math.hypot(p.x - at(target.point).x, p.y - at(target.point).y);
    if ('bridge' in target) return distToLine(p, bridge);
    return distToLine(p, target.line.map(at));
  });
}

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main(): Promise<void> {
  const portraits = path.resolve(REPO_ROOT, '..', 'shared', 'datasets', 'portraits');
  if (!existsSync(portraits)) {
    console.log(`landmark-eval: ${portraits} is not here; nothing to measure (skipped).`);
    return;
  }
  const resample = (process.env['FACESHOP_LANDMARK_RESAMPLE'] ?? 'face-api') as LandmarkResampling;
  const names: string[] = [];
  for (const folder of ['london', 'canada'])
    for (const file of readdirSync(path.join(portraits, folder)).sort())
      if (file.endsWith('.tem')) names.push(`${folder}/${file.slice(0, -'.tem'.length)}`);

  const detector = await FaceDetector.open(MODELS_DIR);
  const landmarker = await FaceLandmarker.open(MODELS_DIR, { resample });
  const errors: number[][] = []; // per photo, per point, share of the pupil distance
  const boxMissed: boolean[] = []; // an eye centre further than a quarter of the pupil distance
  const eyeCentre: number[] = [];
  const rollError: number[] = [];
  const missed: string[] = [];
  const worst: Array<[string, number]> = [];
  const dump: Array<{ name: string; box: object; points: readonly Point[] }> = [];
  let landmarkMs = 0;
  for (const name of names) {
    const bytes = await readFile(path.join(portraits, `${name}.jpg`));
    const t = readTemplate(await readFile(path.join(portraits, `${name}.tem`), 'utf8'));
    const face = primaryFace(await detectFacesInPhoto(detector, bytes));
    if (!face) {
      missed.push(name);
      continue;
    }
    const start = performance.now();
    const lm = await landmarker.detectInPhoto(bytes, face);
    landmarkMs += performance.now() - start;
    dump.push({ name, box: face, points: lm.points });
    const [pr, pl] = [t[0] as Point, t[1] as Point];
    const ipd = Math.hypot(pl.x - pr.x, pl.y - pr.y);
    const e = pointErrors(lm, t).map((d) => d / ipd);
    errors.push(e);
    worst.push([name, e.reduce((a, b) => a + b, 0) / e.length]);
    eyeCentre.push(
      Math.hypot(lm.leftEyeCentre.x - pr.x, lm.leftEyeCentre.y - pr.y) / ipd,
      Math.hypot(lm.rightEyeCentre.x - pl.x, lm.rightEyeCentre.y - pl.y) / ipd,
    );
    boxMissed.push(eyeCentre.slice(-2).some((v) => v > 0.25));
    const pupilRoll = (Math.atan2(pl.y - pr.y, pl.x - pr.x) * 180) / Math.PI;
    rollError.push(Math.abs(lm.rollDegrees - pupilRoll));
  }
  await landmarker.dispose();
  await detector.dispose();
  const dumpFile = process.env['FACESHOP_LANDMARK_DUMP'];
  if (dumpFile) writeFileSync(dumpFile, JSON.stringify(dump));

  const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
  console.log(
    `Face landmarks on ${errors.length} portraits with templates (${missed.length} without a detected face${missed.length ? `: ${missed.join(', ')}` : ''}); crop resampling: ${resample}`,
  );
  console.log(
    'error as a share of the distance between the pupils (mean over photos and points)\n',
  );
  console.log(
    `("box on face": without the ${boxMissed.filter(Boolean).length} photo(s) where the detector's box missed the face, an eye centre > 25 % off)\n`,
  );
  console.log('| part | points | mean | box on face | median | p90 | worst photo |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [part, from, to] of PARTS) {
    const perPhoto = errors.map((e) => e.slice(from, to).reduce((a, b) => a + b, 0) / (to - from));
    const all = errors.flatMap((e) => e.slice(from, to));
    const meanErr = all.reduce((a, b) => a + b, 0) / all.length;
    const good = errors.filter((_, i) => !boxMissed[i]).flatMap((e) => e.slice(from, to));
    const goodErr = good.reduce((a, b) => a + b, 0) / good.length;
    console.log(
      `| ${part} | ${to - from} | ${pct(meanErr)} | ${pct(goodErr)} | ${pct(percentile(all, 0.5))} | ${pct(percentile(all, 0.9))} | ${pct(Math.max(...perPhoto))} |`,
    );
  }
  const ec = eyeCentre.reduce((a, b) => a + b, 0) / eyeCentre.length;
  console.log(
    `| eye centre vs pupil | 2 | ${pct(ec)} | ${pct(eyeCentre.filter((_, i) => !boxMissed[i >> 1]).reduce((a, b) => a + b, 0) / (2 * boxMissed.filter((m) => !m).length))} | ${pct(percentile(eyeCentre, 0.5))} | ${pct(percentile(eyeCentre, 0.9))} | ${pct(Math.max(...eyeCentre))} |`,
  );
  const re = rollError.reduce((a, b) => a + b, 0) / rollError.length;
  console.log(
    `\nroll from the eye centres vs the pupils' roll: mean ${re.toFixed(2)}°, p90 ${percentile(rollError, 0.9).toFixed(2)}°, max ${Math.max(...rollError).toFixed(2)}°`,
  );
  worst.sort((a, b) => b[1] - a[1]);
  console.log(
    `worst photos (mean of 68 points): ${worst
      .slice(0, 3)
      .map(([n, v]) => `${n} ${pct(v)}`)
      .join(', ')}`,
  );
  console.log(
    `landmarks: ${(landmarkMs / Math.max(1, errors.length)).toFixed(0)} ms per face (crop + network)`,
  );
}

await main();
