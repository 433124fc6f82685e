/**
 * The synthesis pipeline's stages for a document, in the order every caller runs them — the
 * editor's live preview, Apply, Export, `faceshop render`, `faceshop paste` and `batch`
 * (projects); `faceshop edit` enters at `run` with guidance made from images:
 *
 *   check     document + the backend's record of its photo → refused (why), nothing to do, or
 *             go on. Cheap: it runs before the model is loaded or anything is decoded.
 *   prepare   the network's view of the document → strokes per channel and the guidance planes
 *             at the model's resolution, or nothing to do (the mask misses the work area).
 *   run       the base network (Synthesizer.synthesize / synthesizeNow: the latest-wins queue).
 *   finish    + composite: `finish` below — the output upsampled into the photo, the refiner,
 *             the detail stage and the one feather (paste-back.ts), at full resolution or at
 *             the preview's size, from the person's mask rasterized once for that size.
 */
import type { FaceDocument } from '../../../shared/document/document';
import { hasVisibleMask, networkInputs } from '../../../shared/document/network-view';
import { isWorkAreaInside } from '../../../shared/document/work-area';
import { rasterizeCoverage } from '../../../shared/raster/rasterize-strokes';
import { channelStrokes, type ChannelStrokes } from '../../../shared/raster/network-strokes';
import { guidanceFromStrokes, isEmptyMask, type Guidance } from './guidance';
import { pasteBack, type PasteBackOptions, type PastedRegion } from './paste-back';
import type { PhotoSource, SynthesisOutput, Synthesizer } from './synthesizer';
import { visiblePart, type WorkArea } from './work-area';

export type Checked =
  | { readonly status: 'refused'; readonly reason: string }
  | { readonly status: 'nothing-to-do' }
  | { readonly status: 'go' };

/** Stage "check": whether a document can and needs to be synthesized on this photo. */
export function checkDocument(
  document: FaceDocument,
  photo: { readonly width: number; readonly height: number },
): Checked {
  const refusal = documentRefusal(document, photo);
  if (refusal !== null) return { status: 'refused', reason: refusal };
  return hasVisibleMask(document) ? { status: 'go' } : { status: 'nothing-to-do' };
}

export type Prepared =
  | { readonly status: 'nothing-to-do' }
  | {
      readonly status: 'ready';
      readonly area: WorkArea;
      readonly strokes: ChannelStrokes;
      readonly guidance: Guidance;
    };

/**
 * Stage "prepare": the strokes of every visible layer (iris marks expanded, pasted regions
 * placed) and the guidance planes; throws RasterBudgetError for a document too costly to
 * rasterize.
 */
export function prepareDocument(document: FaceDocument, resolution: number): Prepared {
  const strokes = channelStrokes(networkInputs(document));
  const area = document.workArea;
  const guidance = guidanceFromStrokes(strokes, area, resolution);
  if (isEmptyMask(guidance.mask)) return { status: 'nothing-to-do' };
  return { status: 'ready', area, strokes, guidance };
}

/**
 * Stages "finish" and "composite": the network's output into the photo (or into the work
 * area rendered at the preview's size), with the synthesizer's refiner and the detail stage.
 * `maskPlane`: the person's mask over the visible work area at that size (maskPlaneOf).
 */
export function finish(
  synth: Synthesizer,
  photo: PhotoSource,
  area: WorkArea,
  output: SynthesisOutput,
  maskPlane: Uint8Array,
  options: Omit<PasteBackOptions, 'refiner'> = {},
): Promise<PastedRegion> {
  return pasteBack(photo, area, output, maskPlane, { ...options, refiner: synth.refiner });
}

/**
 * Why a document cannot be rendered on this photo, or null. The backend's own record of the
 * photo is the truth: a document that claims another size, or a work area that is not inside
 * the photo (the app only ever makes areas inside it), is refused before anything is decoded
 * or allocated for it.
 */
export function documentRefusal(
  document: FaceDocument,
  photo: { readonly width: number; readonly height: number },
): string | null {
  const { width, height } = document.photo;
  if (width !== photo.width || height !== photo.height)
    return `The document is for a ${width}×${height} photo, but its photo is ${photo.width}×${photo.height}; open the project again.`;
  if (!isWorkAreaInside(document.workArea, { assetId: '', ...photo }) || document.workArea.size < 1)
    return 'The work area lies outside the photo; draw it again with the Work area tool (W).';
  return null;
}

/**
 * The person's mask strokes over the work area as a hard plane of `resolution`² (0/255): the
 * coverage of its paint minus erasing, at least half a pixel. Export rasterizes it at one pixel
 * per photo pixel, the preview at the size it shows.
 */
export function maskPlaneOf(
  strokes: ChannelStrokes['mask'],
  area: WorkArea,
  resolution: number,
): Uint8Array {
  const coverage = rasterizeCoverage(strokes, { ...area, resolution }, { minWidth: 1 });
  const plane = new Uint8Array(resolution * resolution);
  for (let i = 0; i < plane.length; i++) plane[i] = (coverage[i] as number) >= 0.5 ? 255 : 0;
  return plane;
}

/** The person's mask over the visible work area at full resolution, 0/255. */
export function fullResolutionMask(
  strokes: ChannelStrokes['mask'],
  area: WorkArea,
  photo: { readonly width: number; readonly height: number },
): Uint8Array {
  const part = visiblePart(area, photo.width, photo.height);
  // One raster pixel per photo pixel over the work area, then cut to its visible part.
  const square = maskPlaneOf(strokes, area, area.size);
  const plane = new Uint8Array(part.width * part.height);
  for (let y = 0; y < part.height; y++) {
    const from = (part.top - area.y + y) * area.size + (part.left - area.x);
    plane.set(square.subarray(from, from + part.width), y * part.width);
  }
  return plane;
}
