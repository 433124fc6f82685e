/**
 * A document's edit at full resolution: the network's view of the document (strokes, iris
 * marks, pasted regions) → guidance → synthesis → paste-back feathered from the person's own
 * mask rasterized at the work area's full size → encoded file. What `faceshop render` and
 * `faceshop paste` write, and what an export from the app contains.
 */
import type { FaceDocument } from '../../../shared/document/document';
import { exportEdited, type ExportOptions } from './export-photo';
import { irisesToRecolour } from './iris-recolour';
import type { PastedRegion } from './paste-back';
import { checkDocument, finish } from './pipeline';
import { inlineRasterizer, type DocumentRasterizer } from './raster-service';
import type { PhotoSource, Synthesizer } from './synthesizer';
import type { WorkArea } from './work-area';

export interface RenderedDocument {
  readonly bytes: Buffer;
  /** Null when the document has no mask paint: the photo itself was encoded. */
  readonly region: PastedRegion | null;
}

export async function renderDocument(
  synth: Synthesizer,
  photo: PhotoSource,
  photoBytes: Uint8Array,
  document: FaceDocument,
  options: ExportOptions,
  /** Where rasterization runs (the app: its worker thread). */
  raster: DocumentRasterizer = inlineRasterizer,
  /**
   * The head's roll in the document's work area (FaceRolls.rollFor), asked only when there is
   * something to synthesize: beyond the threshold the network sees the work area turned upright.
   */
  rollFor?: (area: WorkArea) => Promise<number | undefined>,
): Promise<RenderedDocument> {
  const checked = checkDocument(document, photo);
  if (checked.status === 'refused') throw new RangeError(checked.reason);
  const prepared =
    checked.status === 'go' ? await raster.prepare(document, synth.resolution) : undefined;
  if (prepared?.status !== 'ready')
    return { bytes: await exportEdited(photoBytes, null, options), region: null };
  const { area, strokes, guidance } = prepared;
  const roll = rollFor ? await rollFor(area) : undefined;
  const output = await synth.synthesizeNow(photo, area, guidance, document.seed, roll);
  const region = await finish(
    synth,
    photo,
    area,
    output,
    await raster.fullResolutionMask(strokes.mask, area, photo),
    { irises: irisesToRecolour(document) },
  );
  return { bytes: await exportEdited(photoBytes, region, options), region };
}
