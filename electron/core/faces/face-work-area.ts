/**
 * From a detected face to the work area the network should see.
 *
 * The generator was trained on dlib-aligned face crops (the training faces fill their frame,
 * eyes level at a fixed height). The work area frames a photo's face the same way, so the
 * network sees faces at the scale and position it learned. The constants were measured by
 * models/tools/calibrate_face_box.py: on the 500 held-out training faces the detector's box has
 * median centre (0.487, 0.529) and size 1.036 × 0.966 of the training frame.
 */
import type { DetectedFace } from './face-detector';

/** Training-frame side per mean box side (1 / mean(1.036, 0.966)). */
export const FRAME_PER_BOX = 0.999;
/** Frame centre minus box centre, in frame sides. */
export const FRAME_OFFSET_X = 0.0133;
export const FRAME_OFFSET_Y = -0.0287;

export interface SquareArea {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** The training-aligned square around a face, in the same pixels as the face (not clamped). */
export function workAreaForFace(face: DetectedFace): SquareArea {
  const size = Math.max(16, Math.round(((face.width + face.height) / 2) * FRAME_PER_BOX));
  const cx = face.x + face.width / 2 + FRAME_OFFSET_X * size;
  const cy = face.y + face.height / 2 + FRAME_OFFSET_Y * size;
  return { x: Math.round(cx - size / 2), y: Math.round(cy - size / 2), size };
}

/**
 * The face a portrait edit is most likely about: the largest, among faces scoring within 0.25
 * of the best (so a large but doubtful box does not beat a clear face).
 */
export function primaryFace(faces: readonly DetectedFace[]): DetectedFace | null {
  if (faces.length === 0) return null;
  const best = Math.max(...faces.map((f) => f.score));
  const sure = faces.filter((f) => f.score >= best - 0.25);
  return sure.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
}
