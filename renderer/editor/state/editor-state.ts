/**
 * Everything the editor holds: the document (undoable, saved) and the session (neither). Both
 * live in one immer tree so every change, of either part, goes through the same
 * `produceWithPatches` path; the history keeps only the patches under `document`.
 */
import type {
  AssetId,
  DocumentRevision,
  FaceDocument,
  HexColor,
  LayerId,
} from '../../../shared/document';
import { topLayerOfKind } from '../../../shared/document';
import { initialBrushSizes, type BrushSizes } from './brush-sizes';
import type { ToolId } from './tool-id';
import { IDENTITY_VIEWPORT, type ViewSize, type Viewport } from './viewport';

/** A synthesized result: the work area's new pixels, held by the backend as an asset. */
export interface SynthesisResult {
  readonly assetId: AssetId;
  readonly revision: DocumentRevision;
}

export interface SessionState {
  readonly tool: ToolId;
  /** Where tools that draw into "the active layer" (the eraser) draw; see stroke-target.ts. */
  readonly activeLayerId: LayerId;
  readonly brushSizes: BrushSizes;
  /** The color brush's and the iris tool's color. */
  readonly color: HexColor;
  /** Most recently used first, no duplicates, at most RECENT_COLOR_COUNT. */
  readonly recentColors: readonly HexColor[];
  readonly viewport: Viewport;
  /** The canvas's size in view pixels, once it has reported one. */
  readonly viewSize: ViewSize | null;
  /** The latest result for the current revision, or an older one while a new one is running. */
  readonly result: SynthesisResult | null;
  readonly resultOpacity: number;
  /** While the before/after key is held: show the photo without the result. */
  readonly showingOriginal: boolean;
  /** The canvas's first size report fits the photo, unless a reopened project set the view. */
  readonly fitOnFirstView: boolean;
}

export interface EditorState {
  readonly document: FaceDocument;
  readonly session: SessionState;
}

/** A skin tone: the color brush is mostly used on faces, so start with something plausible. */
export const DEFAULT_COLOR: HexColor = '#b5846b';

export function initialSession(document: FaceDocument): SessionState {
  return {
    tool: 'mask-brush',
    activeLayerId: defaultActiveLayer(document),
    brushSizes: initialBrushSizes(document.workArea.size),
    color: DEFAULT_COLOR,
    recentColors: [],
    viewport: IDENTITY_VIEWPORT,
    viewSize: null,
    result: null,
    resultOpacity: 1,
    showingOriginal: false,
    fitOnFirstView: true,
  };
}

/** The mask layer: the first thing a person does is mark what to change. */
export function defaultActiveLayer(document: FaceDocument): LayerId {
  return topLayerOfKind(document, 'mask')?.id ?? document.layers[0]?.id ?? '';
}
