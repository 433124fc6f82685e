/**
 * The head's roll in a work area, for the synthesis pipeline's turned work area
 * (electron/core/synthesis/turned-work-area.ts): the faces of a photo are found (or given, by a
 * caller that has already run the detector), their landmarks placed once per photo and cached
 * by the photo's key, and a work area gets the roll of the face nearest its centre.
 *
 * Like the face locator it never stops an edit: without the landmark model (or on any failure
 * to load it) it says so once and answers "unknown", and the pipeline runs upright as before.
 */
import type { DetectedFace } from './face-detector';
import { FaceLandmarker } from './face-landmarks';
import { FaceLocator } from './face-locator';
import { workAreaForFace, type SquareArea } from './face-work-area';

/** A detected face and its landmarks' roll (degrees, FaceLandmarks.rollDegrees). */
export interface FaceRoll {
  readonly face: DetectedFace;
  readonly rollDegrees: number;
}

/** Photos whose faces' rolls are kept (the editor's open photos, a batch's current one). */
const CACHED_PHOTOS = 8;

/**
 * The face a work area is on: among the faces whose training-aligned square has its centre
 * inside the work area, the one whose centre is nearest the work area's centre; null if none.
 */
export function faceForWorkArea(faces: readonly FaceRoll[], area: SquareArea): FaceRoll | null {
  const cx = area.x + area.size / 2;
  const cy = area.y + area.size / 2;
  let best: FaceRoll | null = null;
  let bestDistance = Infinity;
  for (const entry of faces) {
    const square = workAreaForFace(entry.face);
    const fx = square.x + square.size / 2;
    const fy = square.y + square.size / 2;
    if (fx < area.x || fy < area.y || fx > area.x + area.size || fy > area.y + area.size) continue;
    const d = Math.hypot(fx - cx, fy - cy);
    if (d < bestDistance) {
      bestDistance = d;
      best = entry;
    }
  }
  return best;
}

export class FaceRolls {
  #landmarker: Promise<FaceLandmarker> | null = null;
  #failure: string | null = null;
  readonly #photos = new Map<string, Promise<FaceRoll[]>>();
  readonly #locator: FaceLocator;
  readonly #ownLocator: boolean;

  /**
   * `modelsDir`: where face-landmarks.json (and the detector) are. `locator`: a face locator to
   * share (its detector session); by default one of its own.
   */
  constructor(
    private readonly modelsDir: string,
    private readonly log: (message: string) => void = (m) => console.warn(m),
    locator?: FaceLocator,
  ) {
    this.#locator = locator ?? new FaceLocator(modelsDir, log);
    this.#ownLocator = locator === undefined;
  }

  /** Why rolls are unknown (the landmark model did not load), or null while they work. */
  get failure(): string | null {
    return this.#failure;
  }

  /**
   * The roll of the face `area` is on, in degrees, or undefined (no face there, no landmark
   * model). `photo.key` identifies the pixels: their faces are measured once and cached.
   * `faces`: the detector's answer when the caller already has it (else it is run here).
   */
  async rollFor(
    photo: { readonly key: string; readonly bytes: Uint8Array },
    area: SquareArea,
    faces?: readonly DetectedFace[],
  ): Promise<number | undefined> {
    const rolls = await this.facesOf(photo, faces);
    return faceForWorkArea(rolls, area)?.rollDegrees;
  }

  /** Every detected face of the photo with its roll (cached by key); none when rolls are off. */
  facesOf(
    photo: { readonly key: string; readonly bytes: Uint8Array },
    faces?: readonly DetectedFace[],
  ): Promise<FaceRoll[]> {
    let entry = this.#photos.get(photo.key);
    if (entry) {
      this.#photos.delete(photo.key);
    } else {
      entry = this.measure(photo.bytes, faces);
      entry.catch(() => this.#photos.delete(photo.key));
    }
    this.#photos.set(photo.key, entry);
    while (this.#photos.size > CACHED_PHOTOS) {
      const stalest = this.#photos.keys().next().value;
      if (stalest === undefined) break;
      this.#photos.delete(stalest);
    }
    return entry;
  }

  /** Forgets a photo's rolls (its pixels changed). */
  forget(photoKey: string): void {
    this.#photos.delete(photoKey);
  }

  private async measure(
    bytes: Uint8Array,
    given: readonly DetectedFace[] | undefined,
  ): Promise<FaceRoll[]> {
    const landmarker = await this.openLandmarker();
    if (landmarker === null) return [];
    const faces = given ?? (await this.#locator.findFaces(bytes));
    const rolls: FaceRoll[] = [];
    for (const face of faces) {
      try {
        const found = await landmarker.detectInPhoto(bytes, face);
        if (Number.isFinite(found.rollDegrees))
          rolls.push({ face, rollDegrees: found.rollDegrees });
      } catch {
        // A box the landmarks cannot use (e.g. outside the photo): that face has no roll.
      }
    }
    return rolls;
  }

  private async openLandmarker(): Promise<FaceLandmarker | null> {
    if (this.#failure !== null) return null;
    try {
      this.#landmarker ??= FaceLandmarker.open(this.modelsDir);
      return await this.#landmarker;
    } catch (error) {
      this.#landmarker = null;
      if (this.#failure === null) {
        // Said once, however many requests were waiting for the model.
        this.#failure = error instanceof Error ? error.message : String(error);
        this.log(
          `Face landmarks are off: ${this.#failure} Tilted heads are edited with an upright work area.`,
        );
      }
      return null;
    }
  }

  async dispose(): Promise<void> {
    const landmarker = this.#landmarker;
    this.#landmarker = null;
    this.#photos.clear();
    if (landmarker) await (await landmarker.catch(() => null))?.dispose().catch(() => {});
    if (this.#ownLocator) await this.#locator.dispose();
  }
}
