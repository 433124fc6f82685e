/**
 * A whole edit of a photo file from guidance images, as `faceshop edit` (and the benchmark) run
 * it: read and check the photo → choose the work area → guidance at the model's resolution →
 * synthesize → paste back → encode. Kept apart from the CLI so tests drive it in-process.
 */
import { cropPlane, type PastedRegion } from './paste-back';
import { finish } from './pipeline';
import { exportEdited, type ExportOptions } from './export-photo';
import { guidanceFromImages, isEmptyMask, readMaskPlane, type GuidanceImages } from './guidance';
import { photoSourceFromBytes } from './photo-source';
import type { Synthesizer } from './synthesizer';
import { effectiveRoll } from './turned-work-area';
import { checkWorkArea, defaultWorkArea, type WorkArea } from './work-area';

/** What the detail stage did, for the progress line. */
export const DETAIL_LINES: Readonly<Record<PastedRegion['detail'], string>> = {
  transferred: "the photo's own fine detail carried into the edit",
  off: 'detail stage off: the network output upsampled alone',
  'not-needed': 'no detail to transfer (the work area is near the network frame, or no context)',
};

/** What the refiner did, for the progress line. */
export const REFINER_LINES: Readonly<Record<PastedRegion['refined'], string>> = {
  refined: 'the learned refiner redrew the edit at full resolution',
  off: 'refiner off',
  'not-installed': 'no refiner installed: the network output is upsampled',
  'not-needed': 'no refining needed (the work area is near the network frame)',
};

export class EditInputError extends Error {
  override readonly name = 'EditInputError';
}

export interface EditRequest {
  readonly photo: Uint8Array;
  readonly photoLabel: string;
  readonly guidance: GuidanceImages;
  readonly seed: number;
  readonly workArea: WorkArea | null;
  /**
   * Training-aligned squares around the faces a detector found (electron/core/faces), used
   * when `workArea` is null: the smallest one that holds the whole mask.
   */
  readonly faceAreas?: readonly WorkArea[];
  readonly export: ExportOptions;
  /** The full-resolution detail stage: on (`'transfer'`, the default) or `'off'`. */
  readonly detail?: 'transfer' | 'off';
  /** The learned refiner, when the synthesizer has one: on (the default) or `'off'`. */
  readonly refine?: 'on' | 'off';
  /**
   * The head's roll in the chosen work area (FaceRolls.rollFor), when known: beyond the
   * threshold the network sees the work area turned upright (turned-work-area.ts).
   */
  readonly rollFor?: (area: WorkArea) => Promise<number | undefined>;
}

export interface EditResult {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  readonly workArea: WorkArea;
  readonly region: PastedRegion;
  readonly timings: Readonly<Record<string, number>>;
  /** The turn the network's view had (degrees; 0: upright), and what turning cost (ms). */
  readonly rollDegrees: number;
  readonly rotationMs: number;
}

/** The bounding box of the non-zero pixels of a plane, or null when it has none. */
export function planeBounds(
  plane: Uint8Array,
  width: number,
): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < plane.length; i++) {
    if (plane[i] === 0) continue;
    const x = i % width;
    const y = (i - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

/**
 * Without a face detector's answer: a face-sized square (the default work area's size) centred
 * on the mask, grown if the mask is larger, so the network sees the context it was trained on.
 */
export function workAreaAroundMask(
  bounds: { x0: number; y0: number; x1: number; y1: number },
  width: number,
  height: number,
): WorkArea {
  const base = defaultWorkArea(width, height).size;
  const extent = Math.max(bounds.x1 - bounds.x0 + 1, bounds.y1 - bounds.y0 + 1);
  const size = Math.max(base, Math.ceil(extent * 1.25));
  const cx = (bounds.x0 + bounds.x1 + 1) / 2;
  const cy = (bounds.y0 + bounds.y1 + 1) / 2;
  return { x: Math.round(cx - size / 2), y: Math.round(cy - size / 2), size };
}

/**
 * The work area for a mask when none was given: the tightest detected face square that holds
 * the whole mask (the network then sees the face as it was trained to), else a square around
 * the mask.
 */
export function chooseWorkArea(
  bounds: { x0: number; y0: number; x1: number; y1: number },
  width: number,
  height: number,
  faceAreas: readonly WorkArea[],
): { area: WorkArea; from: 'face' | 'mask' } {
  const holding = faceAreas
    .filter(
      (a) =>
        a.x <= bounds.x0 &&
        a.y <= bounds.y0 &&
        a.x + a.size > bounds.x1 &&
        a.y + a.size > bounds.y1 &&
        checkWorkArea(a, width, height) === null,
    )
    .sort((a, b) => a.size - b.size);
  const face = holding[0];
  return face
    ? { area: face, from: 'face' }
    : { area: workAreaAroundMask(bounds, width, height), from: 'mask' };
}

export async function editPhoto(
  synth: Synthesizer,
  request: EditRequest,
  progress: (line: string) => void = () => {},
): Promise<EditResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
  };
  const photo = await photoSourceFromBytes(request.photoLabel, request.photo, request.photoLabel);
  const { width, height } = photo;
  progress(`photo ${width}×${height}`);
  let maskPlane: Uint8Array;
  try {
    maskPlane = await readMaskPlane(request.guidance.mask, width, height);
  } catch (error) {
    throw new EditInputError(error instanceof Error ? error.message : String(error));
  }
  const bounds = planeBounds(maskPlane, width);
  if (bounds === null)
    throw new EditInputError(
      'the mask is empty: paint white (or opaque) where the photo should change',
    );
  const chosen = request.workArea
    ? { area: request.workArea, from: 'option' as const }
    : chooseWorkArea(bounds, width, height, request.faceAreas ?? []);
  const area = chosen.area;
  const problem = checkWorkArea(area, width, height);
  if (problem !== null) throw new EditInputError(problem);
  lap('read');
  const why = { option: 'as given', face: 'on the detected face', mask: 'around the mask' }[
    chosen.from
  ];
  progress(
    `work area ${area.x},${area.y},${area.size} (${why}) → ${synth.resolution}² model input`,
  );
  let guidance;
  try {
    guidance = await guidanceFromImages(
      request.guidance,
      maskPlane,
      width,
      height,
      area,
      synth.resolution,
    );
  } catch (error) {
    throw new EditInputError(error instanceof Error ? error.message : String(error));
  }
  if (isEmptyMask(guidance.mask))
    throw new EditInputError('the mask does not reach into the work area');
  const measured = request.rollFor ? await request.rollFor(area) : undefined;
  lap('guidance');
  const output = await synth.synthesizeNow(photo, area, guidance, request.seed, measured);
  lap('synthesize');
  const roll = output.rollDegrees ?? 0;
  if (roll !== 0)
    progress(
      `the head is tilted ${roll.toFixed(1)}°: the network saw the work area turned upright (${Math.round(output.rotationMs ?? 0)} ms to turn)`,
    );
  else if (effectiveRoll(measured) !== 0)
    progress(
      `the head is tilted ${(measured as number).toFixed(1)}°, but the mask reaches a corner the turned work area does not: edited upright`,
    );
  progress(`synthesized in ${Math.round(output.inferenceMs)} ms; pasting back`);
  const region = await finish(
    synth,
    photo,
    area,
    output,
    cropPlane(maskPlane, width, area, height),
    {
      detail: request.detail ?? 'transfer',
      refine: request.refine !== 'off',
    },
  );
  lap('pasteBack');
  progress(REFINER_LINES[region.refined]);
  progress(DETAIL_LINES[region.detail]);
  const bytes = await exportEdited(request.photo, region, request.export);
  lap('export');
  return {
    bytes,
    width,
    height,
    workArea: area,
    region,
    timings,
    rollDegrees: roll,
    rotationMs: output.rotationMs ?? 0,
  };
}
