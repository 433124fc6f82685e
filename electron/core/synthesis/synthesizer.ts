/**
 * One synthesis: the work area's pixels at the model's resolution + guidance + seed → the
 * network's output for that square. The work area's pixels are decoded once per photo and
 * area and cached, because decoding a 24-megapixel JPEG costs several times the inference;
 * after that a stroke's round trip is rasterize → tensors → infer.
 */
import type { RefinerStage } from './refiner-stage';
import type { Sharp } from 'sharp';
import type { Outcome } from '../inference/latest-wins';
import type { InferenceService } from '../inference/inference-service';
import type { Feeds } from '../inference/session-host';
import type { Guidance } from './guidance';
import { seededNormal } from './noise';
import {
  effectiveRoll,
  maskFitsTurned,
  renderTurnedWorkArea,
  turnGuidance,
  turnOutputBack,
} from './turned-work-area';
import { renderWorkArea, type WorkArea } from './work-area';

export interface PhotoSource {
  /** Identifies the pixels (a photo id, or a path): the cache key. */
  readonly key: string;
  readonly width: number;
  readonly height: number;
  /** An oriented, sRGB sharp pipeline of the photo. */
  readonly open: () => Sharp;
}

export interface SynthesisOutput {
  readonly resolution: number;
  /** Interleaved RGB, resolution², equal to the work area's pixels where the mask is 0. */
  readonly rgb: Uint8Array;
  /** The work area's pixels as the network saw them (RGB interleaved, resolution²). */
  readonly input: Uint8Array;
  /** The sketch lines the network was given (1 = line, resolution²): the refiner's guidance. */
  readonly sketch: Uint8Array;
  /**
   * Whether any sketch line or colour stroke lies under the mask: false for a removal (a
   * blemish or wrinkle painted out with the mask alone), where the detail stage aims lower.
   */
  readonly guided: boolean;
  /** The noise seed of this result (the detail stage draws its own randomness from it). */
  readonly seed: number;
  readonly inferenceMs: number;
  /**
   * The turn the network's view had (turned-work-area.ts), in degrees; absent when it ran
   * upright (no roll given, within the threshold, or a mask the turned square does not hold).
   * Everything above is in the axis-aligned work area either way.
   */
  readonly rollDegrees?: number;
  /** What turning the view and the guidance and turning the output back cost, in ms. */
  readonly rotationMs?: number;
}

/** One run of the base network, made ready: its feeds and how its output becomes ours. */
interface PreparedRun {
  readonly feeds: Feeds;
  readonly toOutput: (planar: Float32Array, inferenceMs: number) => SynthesisOutput;
}

const CACHE_ENTRIES = 4;

export class Synthesizer {
  private readonly cache = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly inference: InferenceService,
    readonly resolution: number,
    /** The full-resolution refiner the paste-back runs, when one is installed and loads. */
    readonly refiner: RefinerStage | null = null,
  ) {}

  /**
   * The work area's pixels at the model's resolution, or at another one (the editor's refined
   * preview), cached per photo, area and resolution.
   */
  workAreaPixels(
    photo: PhotoSource,
    area: WorkArea,
    resolution = this.resolution,
  ): Promise<Uint8Array> {
    return this.cached(`${photo.key}|${area.x},${area.y},${area.size}|${resolution}`, () =>
      renderWorkArea(photo.open(), photo.width, photo.height, area, resolution),
    );
  }

  /** The network's view of the work area turned by `rollDegrees` (cached like workAreaPixels). */
  turnedWorkAreaPixels(
    photo: PhotoSource,
    area: WorkArea,
    rollDegrees: number,
  ): Promise<Uint8Array> {
    return this.cached(
      `${photo.key}|${area.x},${area.y},${area.size}|${this.resolution}|turned ${rollDegrees}`,
      () =>
        renderTurnedWorkArea(
          photo.open(),
          photo.width,
          photo.height,
          area,
          this.resolution,
          rollDegrees,
        ),
    );
  }

  private cached(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
    let entry = this.cache.get(key);
    if (entry) {
      this.cache.delete(key);
    } else {
      entry = make();
      entry.catch(() => this.cache.delete(key));
    }
    this.cache.set(key, entry);
    while (this.cache.size > CACHE_ENTRIES) {
      const stalest = this.cache.keys().next().value;
      if (stalest === undefined) break;
      this.cache.delete(stalest);
    }
    return entry;
  }

  /** Forgets a photo's cached areas (the photo changed, e.g. a result was applied). */
  forget(photoKey: string): void {
    for (const key of [...this.cache.keys()])
      if (key.startsWith(`${photoKey}|`)) this.cache.delete(key);
  }

  feeds(pixels: Uint8Array, guidance: Guidance, seed: number): Feeds {
    const r = this.resolution;
    if (guidance.resolution !== r)
      throw new Error(`guidance is ${guidance.resolution}² but the model runs at ${r}²`);
    const n = r * r;
    const image = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) {
      image[i] = (pixels[3 * i] as number) / 255;
      image[n + i] = (pixels[3 * i + 1] as number) / 255;
      image[2 * n + i] = (pixels[3 * i + 2] as number) / 255;
    }
    return {
      image: { data: image, dims: [1, 3, r, r] },
      mask: { data: guidance.mask, dims: [1, 1, r, r] },
      sketch: { data: guidance.sketch, dims: [1, 1, r, r] },
      color: { data: guidance.color, dims: [1, 4, r, r] },
      noise: { data: seededNormal(seed, n), dims: [1, 1, r, r] },
    };
  }

  /**
   * Latest-wins: resolves `superseded` when a newer request replaced this one while it waited.
   * `rollDegrees`: the head's roll in this work area (FaceRolls), when known: beyond the
   * threshold the network sees the work area turned upright (turned-work-area.ts).
   */
  async synthesize(
    photo: PhotoSource,
    area: WorkArea,
    guidance: Guidance,
    seed: number,
    rollDegrees?: number,
  ): Promise<Outcome<SynthesisOutput>> {
    const run = await this.prepareRun(photo, area, guidance, seed, rollDegrees);
    const outcome = await this.inference.run(run.feeds);
    if (outcome.status !== 'done') return outcome;
    return {
      status: 'done',
      value: run.toOutput(outcome.value.output.data, outcome.value.ms),
    };
  }

  /** For batch work (the CLI): never superseded. */
  async synthesizeNow(
    photo: PhotoSource,
    area: WorkArea,
    guidance: Guidance,
    seed: number,
    rollDegrees?: number,
  ): Promise<SynthesisOutput> {
    const run = await this.prepareRun(photo, area, guidance, seed, rollDegrees);
    const result = await this.inference.runExclusive(run.feeds);
    return run.toOutput(result.output.data, result.ms);
  }

  /**
   * Upright: the work area's pixels and the guidance as they are. Turned (a roll beyond the
   * threshold, and a mask the turned square holds): the turned view and guidance in, the output
   * turned back into the axis-aligned work area, so the output is the same kind of thing.
   */
  private async prepareRun(
    photo: PhotoSource,
    area: WorkArea,
    guidance: Guidance,
    seed: number,
    rollDegrees: number | undefined,
  ): Promise<PreparedRun> {
    const pixels = await this.workAreaPixels(photo, area);
    const roll = effectiveRoll(rollDegrees);
    if (roll === 0 || !maskFitsTurned(guidance.mask, this.resolution, roll)) {
      return {
        feeds: this.feeds(pixels, guidance, seed),
        toOutput: (planar, ms) => this.toOutput(planar, pixels, guidance, seed, ms),
      };
    }
    const t0 = performance.now();
    const turnedPixels = await this.turnedWorkAreaPixels(photo, area, roll);
    const turned = turnGuidance(guidance, roll);
    const before = performance.now() - t0;
    return {
      feeds: this.feeds(turnedPixels, turned, seed),
      toOutput: (planar, ms) => {
        const t1 = performance.now();
        const back = turnOutputBack(planar, this.resolution, roll, guidance.mask);
        const output = this.toOutput(back, pixels, guidance, seed, ms);
        return { ...output, rollDegrees: roll, rotationMs: before + performance.now() - t1 };
      },
    };
  }

  private toOutput(
    planar: Float32Array,
    pixels: Uint8Array,
    guidance: Guidance,
    seed: number,
    inferenceMs: number,
  ): SynthesisOutput {
    const n = this.resolution * this.resolution;
    const mask = guidance.mask;
    const sketch = new Uint8Array(n);
    let guided = false;
    for (let i = 0; i < n; i++) {
      sketch[i] = (guidance.sketch[i] as number) > 0.5 ? 1 : 0;
      if (
        (mask[i] as number) > 0 &&
        (sketch[i] === 1 || (guidance.color[3 * n + i] as number) > 0.5)
      )
        guided = true;
    }
    const rgb = new Uint8Array(3 * n);
    for (let i = 0; i < n; i++) {
      if ((mask[i] as number) === 0) {
        // The graph composites itself; copying the input bytes also undoes float round-off.
        rgb[3 * i] = pixels[3 * i] as number;
        rgb[3 * i + 1] = pixels[3 * i + 1] as number;
        rgb[3 * i + 2] = pixels[3 * i + 2] as number;
        continue;
      }
      for (let c = 0; c < 3; c++) {
        const v = Math.round((planar[c * n + i] as number) * 255);
        rgb[3 * i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
    return { resolution: this.resolution, rgb, input: pixels, sketch, guided, seed, inferenceMs };
  }
}
