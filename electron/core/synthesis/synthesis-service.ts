/**
 * The editor's synthesis entry: every request carries the document revision it was made for,
 * and only the newest request's result is delivered. A request is `superseded` when a newer
 * one replaced it in the queue (it never ran) or arrived while it ran (its result is stale and
 * dropped here, so the renderer never flashes an outdated picture).
 */
import type { Guidance } from './guidance';
import type { PhotoSource, SynthesisOutput, Synthesizer } from './synthesizer';
import type { WorkArea } from './work-area';

export type SynthesisOutcome =
  | { readonly status: 'done'; readonly revision: number; readonly output: SynthesisOutput }
  | { readonly status: 'superseded'; readonly revision: number };

export interface SynthesisRequest {
  readonly photo: PhotoSource;
  readonly workArea: WorkArea;
  readonly guidance: Guidance;
  readonly seed: number;
  readonly revision: number;
  /** The head's roll in the work area, when measured (Synthesizer.synthesize). */
  readonly rollDegrees?: number;
}

export class SynthesisService {
  private newest = 0;

  constructor(readonly synthesizer: Synthesizer) {}

  async request(request: SynthesisRequest): Promise<SynthesisOutcome> {
    const ticket = ++this.newest;
    const outcome = await this.synthesizer.synthesize(
      request.photo,
      request.workArea,
      request.guidance,
      request.seed,
      request.rollDegrees,
    );
    if (outcome.status !== 'done' || ticket !== this.newest)
      return { status: 'superseded', revision: request.revision };
    return { status: 'done', revision: request.revision, output: outcome.value };
  }
}
