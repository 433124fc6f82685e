/**
 * The backend's face finder: loads the detector on first use, keeps it, and never lets a
 * detection problem stop a photo from opening — a failure is logged once and the photo opens
 * with the default work area, which the person can move.
 */
import type { PhotoInfo } from '../../../shared/photo/photo';
import type { WorkArea } from '../../../shared/document/work-area';
import { clampWorkArea } from '../../../shared/document/work-area';
import type { Point } from '../../../shared/document/transform';
import { FaceDetector, detectFacesInPhoto, type DetectedFace } from './face-detector';
import { FaceLandmarker } from './face-landmarks';
import { primaryFace, workAreaForFace } from './face-work-area';

export interface FaceLocation {
  /** Every face found, best first, in the photo's displayed pixels. */
  readonly faces: readonly DetectedFace[];
  /** The training-aligned work area around the primary face, inside the photo; null if none. */
  readonly workArea: WorkArea | null;
  /** The primary face's 68 landmarks; null without a face or without the landmark model. */
  readonly landmarks: readonly Point[] | null;
}

export class FaceLocator {
  #detector: Promise<FaceDetector> | null = null;
  #failure: string | null = null;
  #landmarker: Promise<FaceLandmarker> | null = null;
  #landmarksFailure: string | null = null;

  constructor(
    private readonly modelsDir: string,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {}

  /** Why detection is off, or null while it works. */
  get failure(): string | null {
    return this.#failure;
  }

  /** The faces in an encoded photo, best first; none when detection is off. */
  async findFaces(source: Uint8Array): Promise<DetectedFace[]> {
    if (this.#failure !== null) return [];
    try {
      this.#detector ??= FaceDetector.open(this.modelsDir);
      return await detectFacesInPhoto(await this.#detector, source);
    } catch (error) {
      this.#failure = (error as Error).message;
      this.#detector = null;
      this.log(`Face detection is off: ${this.#failure}`);
      return [];
    }
  }

  /** The faces and the work area for the primary one, inside the photo. */
  async locate(
    source: Uint8Array,
    info: Pick<PhotoInfo, 'width' | 'height'>,
  ): Promise<FaceLocation> {
    const faces = await this.findFaces(source);
    const face = primaryFace(faces);
    const photo = { assetId: 'photo', width: info.width, height: info.height };
    return {
      faces,
      workArea: face ? clampWorkArea(workAreaForFace(face), photo) : null,
      landmarks: face ? await this.landmarksOf(source, face) : null,
    };
  }

  /** The face's 68 landmarks; null (logged once) when the landmark model cannot run. */
  async landmarksOf(source: Uint8Array, face: DetectedFace): Promise<readonly Point[] | null> {
    if (this.#landmarksFailure !== null) return null;
    let landmarker: FaceLandmarker;
    try {
      this.#landmarker ??= FaceLandmarker.open(this.modelsDir);
      landmarker = await this.#landmarker;
    } catch (error) {
      this.#landmarksFailure = (error as Error).message;
      this.#landmarker = null;
      this.log(`Face landmarks are off (presets use the average face): ${this.#landmarksFailure}`);
      return null;
    }
    // One photo the landmarks cannot read does not turn them off for the next.
    return landmarker
      .detectInPhoto(source, face)
      .then((found) => found.points)
      .catch(() => null);
  }

  async dispose(): Promise<void> {
    const detector = this.#detector;
    const landmarker = this.#landmarker;
    this.#detector = null;
    this.#landmarker = null;
    if (detector) await (await detector).dispose().catch(() => {});
    if (landmarker) await (await landmarker).dispose().catch(() => {});
  }
}
