/**
 * A saved project's edit at full resolution, as `faceshop render` writes it. The pipeline is
 * `renderDocument`'s — the same one "apply" and the app's export run, so a render shows exactly
 * what the app would — with what a file from disk needs around it: the photo's header checked
 * against the document, and the model loaded only when there is mask paint to synthesize (a
 * document without it renders as its photo, which may already hold applied results).
 */
import type { FaceDocument } from '../../../shared/document/document';
import { exportEdited, type ExportOptions } from './export-photo';
import { photoSourceFromBytes } from './photo-source';
import { checkDocument } from './pipeline';
import { renderDocument } from './render-document';
import type { Synthesizer } from './synthesizer';
import type { WorkArea } from './work-area';

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
  /** The head's roll in the work area (renderDocument's `rollFor`), when it can be measured. */
  readonly rollFor?: (area: WorkArea) => Promise<number | undefined>;
}

export interface RenderedProject {
  readonly bytes: Buffer;
  readonly width: number;
  readonly height: number;
  /** False when nothing was synthesized: the output is the photo itself. */
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
  const { width, height } = photo;
  if (width !== document.photo.width || height !== document.photo.height) {
    throw new RenderInputError(
      `the photo is ${width}×${height} but the document expects ${document.photo.width}×${document.photo.height}`,
    );
  }
  const checked = checkDocument(document, photo);
  if (checked.status === 'refused') throw new RenderInputError(checked.reason);
  if (checked.status === 'nothing-to-do') {
    progress('no mask paint: writing the photo as it is');
    const bytes = await exportEdited(request.photo, null, request.export);
    return { bytes, width, height, synthesized: false, changedPixels: 0 };
  }
  const synth = await request.synthesizer();
  const area = document.workArea;
  progress(`work area ${area.x},${area.y},${area.size} → ${synth.resolution}² model input`);
  const rendered = await renderDocument(
    synth,
    photo,
    request.photo,
    document,
    request.export,
    undefined,
    request.rollFor,
  );
  return {
    bytes: rendered.bytes,
    width,
    height,
    synthesized: rendered.region !== null,
    changedPixels: rendered.region?.changedPixels ?? 0,
  };
}
