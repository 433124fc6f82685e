/**
 * Tools are small state machines driven by pointer events in photo coordinates (the canvas
 * converts from screen pixels). While a gesture runs, whatever it is building — a stroke's
 * points, an eraser path, an iris being sized — lives in the tool, not in the store: the store
 * changes once, at pointer-up, through one recorded command (STYLE.md 7). Cancel drops the
 * gesture without touching the store at all. The canvas draws `preview` meanwhile.
 */
import type {
  HexColor,
  IrisMark,
  LayerId,
  PlacementTransform,
  Point,
  Stroke,
  WorkArea,
} from '../../../shared/document';
import type { FacePartName } from '../../../shared/paste/face-parts';
import type { ChangeCommand, CommandOutcome, ItemKind } from '../commands/command';
import type { EditorState } from '../state/editor-state';
import type { StrokeTarget } from '../state/stroke-target';
import type { ToolId } from '../state/tool-id';

export type PointerKind = 'mouse' | 'pen' | 'touch';

export interface PhotoPointer {
  /** Photo pixels. */
  readonly x: number;
  readonly y: number;
  /** As Pointer Events report it, in [0, 1]; mice report 0.5 while a button is down. */
  readonly pressure: number;
  readonly pointerType: PointerKind;
}

/** Reads the photo's color under a point; injected (the canvas or the backend owns pixels). */
export type ColorSampler = (point: Point) => HexColor | null;

export interface StrokeCommit {
  readonly toolId: ToolId;
  readonly layerId: LayerId;
  /** The stroke or iris mark added; absent for erasing, which removes or splits. */
  readonly itemId?: string;
}

export interface ToolContext {
  /** Always the current state. */
  readonly state: EditorState;
  run<Args>(command: ChangeCommand<Args>, args: Args): CommandOutcome;
  newId(kind: ItemKind): string;
  sampleColor(point: Point): HexColor | null;
  /** The photo's face landmarks (68 points), or null: snapping uses the mean face then. */
  faceLandmarks(): readonly Point[] | null;
  /** A gesture ended in a recorded change: what a synthesis client waits for. */
  strokeCommitted(commit: StrokeCommit): void;
  /** A gesture could not start or commit; the UI may show the reason. */
  refused(reason: string): void;
}

export type ToolPreview =
  /** In photo pixels, even for a pasted region (its transform applies at commit). */
  | { readonly kind: 'stroke'; readonly target: StrokeTarget; readonly stroke: Stroke }
  | { readonly kind: 'eraser'; readonly path: readonly Point[]; readonly width: number }
  | { readonly kind: 'iris'; readonly mark: IrisMark }
  | { readonly kind: 'eyedropper'; readonly point: Point; readonly color: HexColor | null }
  | { readonly kind: 'work-area'; readonly area: WorkArea }
  /** A pasted region being moved, scaled or rotated; `snappedTo` names the part it snapped onto. */
  | {
      readonly kind: 'region-placement';
      readonly layerId: LayerId;
      readonly transform: PlacementTransform;
      readonly snappedTo: FacePartName | null;
    };

export interface Tool {
  readonly id: ToolId;
  /** True between a pointer-down the tool accepted and the matching up or cancel. */
  readonly gestureActive: boolean;
  readonly preview: ToolPreview | null;
  pointerDown(pointer: PhotoPointer, context: ToolContext): void;
  pointerMove(pointer: PhotoPointer, context: ToolContext): void;
  pointerUp(pointer: PhotoPointer, context: ToolContext): void;
  /** Escape, a lost pointer, a tool switch: drop the gesture, change nothing. */
  cancel(context: ToolContext): void;
}
