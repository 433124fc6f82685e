/**
 * A project's edit at full resolution, as `faceshop render` writes it: the document's strokes
 * → the network's guidance for the work area → synthesis → paste-back into the photo with the
 * person's mask, feathered like every export → encode.
 *
 * The paste-back mask is the document's mask strokes rasterized at the work area's own size
 * (one raster pixel per photo pixel), not the model's resolution upscaled: its edge then sits
 * where the person painted it, however large the photo. A document without mask paint renders
 * as its photo (which may already hold applied results), and the model is never loaded.
 */
import type { FaceDocument } from '../../../shared/document/document';
import { hasVisibleMask, networkInputs } from '../../../shared/document/network-view';
import { channelStrokes } from '../../../shared/raster/network-strokes';
import { rasterizeCoverage, type RasterStroke } from '../../../shared/raster/rasterize-strokes';
import { exportEdited, type ExportOptions } from './export-photo';
import { guidanceFromStrokes, isEmptyMask } from './guidance';
import { pasteBack } from './paste-back';
import { photoSourceFromBytes } from './photo-source';
import type { Synthesizer } from './synthesizer';
import { visiblePart, type WorkArea } from './work-area';

export class RenderInputError extends Error {
  override readonly name = 'RenderInputError';
}

export interface RenderRequest {
  readonly document: FaceDocument;
  /** The bytes of the document's photo (`document.photo.assetId`). */
  readonly photo: Uint8Array;
  readonly photoLabel: string;
  /** Called only when there is something to synthesize. */
  readonly synthesizer: () => Promise<Synthesizer>;
  readonly export: ExportOptions;
}

export interface RenderedProject {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** False when the document has no mask paint: the output is the photo itself. */
  readonly synthesized: boolean;
  readonly changedPixels: number;
}

export async function renderProject(
  request: RenderRequest,
  progress: (line: string) => void = () => {},
): Promise<RenderedProject> {
  const { document } = request;
  const photo = await photoSourceFromBytes(
    document.photo.assetId,
    request.photo,
    request.photoLabel,
  );
  if (photo.width !== document.photo.width || photo.height !== document.photo.height) {
    throw new RenderInputError(
      `the photo is ${photo.width}×${photo.height} but the document expects ${document.photo.width}×${document.photo.height}`,
    );
  }
  const unchanged = async (): Promise<RenderedProject> => ({
    bytes: await exportEdited(request.photo, null, request.export),
    width: photo.width,
    height: photo.height,
    synthesized: false,
    changedPixels: 0,
  });
  if (!hasVisibleMask(document)) {
    progress('no mask paint: writing the photo as it is');
    return unchanged();
  }
  const strokes = channelStrokes(networkInputs(document));
  const area = document.workArea;
  const synth = await request.synthesizer();
  const guidance = guidanceFromStrokes(strokes, area, synth.resolution);
  if (isEmptyMask(guidance.mask)) {
    progress('the mask lies outside the work area: writing the photo as it is');
    return unchanged();
  }
  progress(`work area ${area.x},${area.y},${area.size} → ${synth.resolution}² model input`);
  const output = await synth.synthesizeNow(photo, area, guidance, document.seed);
  progress(`synthesized in ${Math.round(output.inferenceMs)} ms; pasting back`);
  const mask = maskPlane(strokes.mask, area, photo.width, photo.height);
  const region = await pasteBack(photo, area, output, mask);
  return {
    bytes: await exportEdited(request.photo, region, request.export),
    width: photo.width,
    height: photo.height,
    synthesized: true,
    changedPixels: region.changedPixels,
  };
}

/** The mask strokes' coverage over the work area's part inside the photo, 0–255 per pixel. */
export function maskPlane(
  strokes: readonly RasterStroke[],
  area: WorkArea,
  width: number,
  height: number,
): Uint8Array {
  const coverage = rasterizeCoverage(
    strokes,
    { x: area.x, y: area.y, size: area.size, resolution: area.size },
    { minWidth: 1 },
  );
  const part = visiblePart(area, width, height);
  const plane = new Uint8Array(part.width * part.height);
  for (let y = 0; y < part.height; y++) {
    const row = (part.top - area.y + y) * area.size + (part.left - area.x);
    for (let x = 0; x < part.width; x++) {
      plane[y * part.width + x] = Math.round((coverage[row + x] as number) * 255);
    }
  }
  return plane;
}
