/**
 * A document's edit at full resolution: the network's view of the document (strokes, iris
 * marks, pasted regions) → guidance → synthesis → paste-back feathered from the person's own
 * mask rasterized at the work area's full size → encoded file. What `faceshop render` and
 * `faceshop paste` write, and what an export from the app contains.
 */
import type { FaceDocument } from '../../../shared/document/document';
import { hasVisibleMask, networkInputs } from '../../../shared/document/network-view';
import { channelStrokes, type ChannelStrokes } from '../../../shared/raster/network-strokes';
import { rasterizeCoverage } from '../../../shared/raster/rasterize-strokes';
import { exportEdited, type ExportOptions } from './export-photo';
import { guidanceFromStrokes, isEmptyMask } from './guidance';
import { pasteBack, type PastedRegion } from './paste-back';
import type { PhotoSource, Synthesizer } from './synthesizer';
import { isWorkAreaInside } from '../../../shared/document/work-area';
import { visiblePart, type WorkArea } from './work-area';

export interface RenderedDocument {
  readonly bytes: Buffer;
  /** Null when the document has no mask paint: the photo itself was encoded. */
  readonly region: PastedRegion | null;
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
export function fullResolutionMask(document: FaceDocument, photo: PhotoSource): Uint8Array {
  const area = document.workArea;
  const part = visiblePart(area, photo.width, photo.height);
  // One raster pixel per photo pixel over the work area, then cut to its visible part.
  const square = maskPlaneOf(channelStrokes(networkInputs(document)).mask, area, area.size);
  const plane = new Uint8Array(part.width * part.height);
  for (let y = 0; y < part.height; y++) {
    const from = (part.top - area.y + y) * area.size + (part.left - area.x);
    plane.set(square.subarray(from, from + part.width), y * part.width);
  }
  return plane;
}

export async function renderDocument(
  synth: Synthesizer,
  photo: PhotoSource,
  photoBytes: Uint8Array,
  document: FaceDocument,
  options: ExportOptions,
): Promise<RenderedDocument> {
  if (!hasVisibleMask(document))
    return { bytes: await exportEdited(photoBytes, null, options), region: null };
  const refusal = documentRefusal(document, photo);
  if (refusal !== null) throw new RangeError(refusal);
  const strokes = channelStrokes(networkInputs(document));
  const guidance = guidanceFromStrokes(strokes, document.workArea, synth.resolution);
  if (isEmptyMask(guidance.mask))
    return { bytes: await exportEdited(photoBytes, null, options), region: null };
  const output = await synth.synthesizeNow(photo, document.workArea, guidance, document.seed);
  const region = await pasteBack(
    photo,
    document.workArea,
    output,
    fullResolutionMask(document, photo),
    { refiner: synth.refiner },
  );
  return { bytes: await exportEdited(photoBytes, region, options), region };
}
