/**
 * What the canvas shows, derived from the editor's state and the live tool preview: a plain
 * description the Fabric view (scene-view.ts) mirrors. Deriving it here, without Fabric or the
 * DOM, keeps the rules of the display — what is drawn, in which color, at which opacity, what
 * the before/after key hides — in one readable, testable place (STYLE.md 9: rendering reads
 * state, never writes it).
 *
 * Each overlay is drawn into its own buffer and then composited with its alpha, so overlapping
 * strokes of one layer show one even tint instead of darkening where they cross, and erase
 * strokes remove only their own layer's paint. The stroke being drawn is added to the layer it
 * will land in, so the mask eraser's preview really erases and a color stroke sits where it will
 * sit once committed.
 */
import {
  expandIrisMark,
  placementOf,
  strokeChannelsOf,
  strokesOf,
  type HexColor,
  type IrisMark,
  type Layer,
  type PhotoRef,
  type PlacementTransform,
  type Point,
  type Stroke,
  type StrokeChannel,
  type WorkArea,
} from '../../shared/document';
import {
  grabbableRegions,
  regionBox,
  regionFrame,
  type EditorState,
  type RegionFrame,
  type ToolPreview,
} from '../editor';

/**
 * The mask as photo editors show a quick mask: red at 40 % while a mask tool is in hand. With
 * any other tool the person is judging the result under the mask, so the tint drops to a hint
 * that still shows where the mask lies without recoloring the result.
 */
export const MASK_OVERLAY_COLOR = '#ff3b30';
export const MASK_OVERLAY_ALPHA = 0.4;
export const MASK_HINT_ALPHA = 0.12;
const MASK_TOOLS: ReadonlySet<string> = new Set(['mask-brush', 'mask-eraser']);
/** Sketch lines and iris outlines: near-black, as pencil on paper. */
export const SKETCH_COLOR = '#141414';
/** The general eraser's trail while dragging. */
export const ERASER_TRAIL_COLOR = '#ffffff';
export const ERASER_TRAIL_ALPHA = 0.35;

export interface OverlayPass {
  readonly strokes: readonly Stroke[];
  readonly transform: PlacementTransform | null;
  /** A fixed color for every paint stroke, or null to use each stroke's own color. */
  readonly color: HexColor | null;
}

export interface Overlay {
  /** Stable per layer and channel group, for the view's object and buffer reuse. */
  readonly key: string;
  /**
   * Unchanged when the drawing is unchanged: the layer object itself (immer copies a layer
   * when anything in it changes), or the preview object while a gesture runs.
   */
  readonly version: readonly unknown[];
  readonly alpha: number;
  readonly passes: readonly OverlayPass[];
}

export interface SceneResult {
  readonly assetId: string;
  readonly opacity: number;
}

export interface Scene {
  readonly photo: PhotoRef;
  readonly viewport: EditorState['session']['viewport'];
  /** Null when there is none, or while the before/after key shows the original. */
  readonly result: SceneResult | null;
  /** Bottom to top. Empty while the original is shown or strokes are hidden. */
  readonly overlays: readonly Overlay[];
  readonly workArea: {
    readonly area: WorkArea;
    /** The work-area tool is selected: show its corner handles and dim what lies outside. */
    readonly editing: boolean;
  };
  /** The eyedropper's loupe. */
  readonly loupe: { readonly point: Point; readonly color: HexColor | null } | null;
  /** The active pasted region's box and handles while the place tool is selected. */
  readonly placement: ScenePlacement | null;
}

export interface ScenePlacement {
  readonly frame: RegionFrame;
  /** The face part it has snapped onto during a drag, for a cue; null otherwise. */
  readonly snapped: boolean;
}

export interface SceneOptions {
  /** The person's "show strokes" switch (a way of looking, not document state). */
  readonly strokesVisible: boolean;
}

export function describeScene(
  state: EditorState,
  preview: ToolPreview | null,
  options: SceneOptions,
): Scene {
  const { document, session } = state;
  const original = session.showingOriginal;
  const maskAlpha = MASK_TOOLS.has(session.tool) ? MASK_OVERLAY_ALPHA : MASK_HINT_ALPHA;
  const overlays =
    original || !options.strokesVisible ? [] : layerOverlays(document.layers, preview, maskAlpha);
  if (!original && preview?.kind === 'eraser') {
    overlays.push({
      key: 'eraser-trail',
      version: [preview],
      alpha: ERASER_TRAIL_ALPHA,
      passes: [
        {
          strokes: [
            {
              id: 'eraser-trail',
              tool: 'paint',
              points: preview.path.map((point) => ({ ...point, pressure: 1 })),
              width: preview.width,
            },
          ],
          transform: null,
          color: ERASER_TRAIL_COLOR,
        },
      ],
    });
  }
  return {
    photo: document.photo,
    viewport: session.viewport,
    result:
      session.result && !original
        ? { assetId: session.result.assetId, opacity: session.resultOpacity }
        : null,
    overlays,
    workArea: {
      area: preview?.kind === 'work-area' ? preview.area : document.workArea,
      editing: session.tool === 'work-area',
    },
    loupe: preview?.kind === 'eyedropper' ? { point: preview.point, color: preview.color } : null,
    placement: original ? null : placementFrame(state, preview),
  };
}

/** The region the place tool would grab first (the active one, else the topmost), with handles. */
function placementFrame(state: EditorState, preview: ToolPreview | null): ScenePlacement | null {
  if (state.session.tool !== 'place-region') return null;
  const placing = preview?.kind === 'region-placement' ? preview : null;
  const regions = grabbableRegions(state);
  const layer = placing ? regions.find((r) => r.id === placing.layerId) : regions[0];
  if (!layer) return null;
  const transform = placing?.transform ?? layer.transform;
  return {
    frame: regionFrame(regionBox(layer), transform, state.session.viewport.zoom),
    snapped: (placing?.snappedTo ?? null) !== null,
  };
}

function layerOverlays(
  layers: readonly Layer[],
  preview: ToolPreview | null,
  maskAlpha: number,
): Overlay[] {
  const overlays: Overlay[] = [];
  for (const layer of layers) {
    if (!layer.visible) continue;
    const live = preview && previewFor(layer, preview);
    // While the place tool drags this region, it is drawn where the drag has put it.
    const placing =
      preview?.kind === 'region-placement' && preview.layerId === layer.id ? preview : null;
    const transform = placing ? placing.transform : placementOf(layer);
    const version = live || placing ? [layer, layer.opacity, preview] : [layer, layer.opacity];
    if (layer.kind === 'iris') {
      const marks = live?.kind === 'iris' ? [...layer.marks, live.mark] : layer.marks;
      if (marks.length === 0) continue;
      overlays.push({
        key: layer.id,
        version,
        alpha: layer.opacity,
        passes: irisPasses(marks),
      });
      continue;
    }
    const maskPasses: OverlayPass[] = [];
    const linePasses: OverlayPass[] = [];
    // Color first, sketch on top: lines stay visible over the colors they outline.
    for (const channel of orderedChannels(strokeChannelsOf(layer))) {
      const strokes = strokesOf(layer, channel);
      const passes = channel === 'mask' ? maskPasses : linePasses;
      const color =
        channel === 'mask' ? MASK_OVERLAY_COLOR : channel === 'sketch' ? SKETCH_COLOR : null;
      if (strokes.length > 0) passes.push({ strokes, transform, color });
      if (live?.kind === 'stroke' && live.channel === channel) {
        // The preview is in photo pixels even for a pasted region (its transform applies at commit).
        passes.push({ strokes: [live.stroke], transform: null, color });
      }
    }
    if (maskPasses.length > 0) {
      overlays.push({
        key: `${layer.id}:mask`,
        version,
        alpha: maskAlpha * layer.opacity,
        passes: maskPasses,
      });
    }
    if (linePasses.length > 0) {
      overlays.push({
        key: `${layer.id}:lines`,
        version,
        alpha: layer.opacity,
        passes: linePasses,
      });
    }
  }
  return overlays;
}

type LivePreview =
  | { readonly kind: 'stroke'; readonly channel: StrokeChannel; readonly stroke: Stroke }
  | { readonly kind: 'iris'; readonly mark: IrisMark };

/** The part of the running gesture that lands in `layer`, if any. */
function previewFor(layer: Layer, preview: ToolPreview): LivePreview | null {
  if (preview.kind === 'stroke' && preview.target.layerId === layer.id) {
    return { kind: 'stroke', channel: preview.target.channel, stroke: preview.stroke };
  }
  if (preview.kind === 'iris' && layer.kind === 'iris') {
    return { kind: 'iris', mark: preview.mark };
  }
  return null;
}

function orderedChannels(channels: readonly StrokeChannel[]): StrokeChannel[] {
  const order: readonly StrokeChannel[] = ['mask', 'color', 'sketch'];
  return order.filter((channel) => channels.includes(channel));
}

/** An iris as the network will see it: the colored ring, and the outline over it. */
function irisPasses(marks: readonly IrisMark[]): OverlayPass[] {
  const expanded = marks.map(expandIrisMark);
  return [
    { strokes: expanded.flatMap((iris) => iris.colors), transform: null, color: null },
    { strokes: expanded.map((iris) => iris.sketch), transform: null, color: SKETCH_COLOR },
  ];
}
