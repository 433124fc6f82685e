/**
 * The editor's `synthesize` call in the backend: document in, the work area's new pixels out.
 *
 * The model is opened lazily on the first request (and its failure reported as a typed error
 * every time until it loads), photos come from the PhotoStore by the document's asset id, and
 * every request goes through the SynthesisService, so only the newest revision gets a result.
 * The returned RGBA carries the feathered mask as alpha: drawn over the photo it shows exactly
 * what an export will contain.
 */
import '../imaging/sharp-threads';
import path from 'node:path';
import { FaceRolls } from '../faces/face-roll';
import { inFaceShopWords } from '../failure-words';
import { irisesToRecolour, type IrisToRecolour } from './iris-recolour';
import sharp from 'sharp';
import type { FaceDocument } from '../../../shared/document/document';
import type { OpenedPhoto } from '../../../shared/photo/photo';
import type { InferenceStatus } from '../../../shared/status/app-status';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { RasterBudgetError } from '../../../shared/raster/rasterize-strokes';
import type {
  SynthesisResult,
  SynthesizeRequest,
  SynthesizeResponse,
} from '../../../shared/synthesis/synthesis-api';
import { decodePhoto } from '../imaging/decode-photo';
import type { ProviderPreference } from '../inference/execution-provider';
import type { InferenceServiceOptions } from '../inference/inference-service';
import { PROVIDER_SETTING_LABELS } from '../../../shared/settings/settings';
import { ModelLoadError } from '../inference/model-manifest';
import type { PhotoAsset, PhotoStore } from '../photos/photo-store';
import { openModelStack, type ModelStackOptions } from './model-loading';
import { MIN_DETAIL_SCALE } from './detail-transfer';
import { exportEdited, type ExportOptions } from './export-photo';
import { checkDocument, finish } from './pipeline';
import { inlineRasterizer, RasterWorker, type DocumentRasterizer } from './raster-service';
import { renderDocument, type RenderedDocument } from './render-document';
import { SynthesisService } from './synthesis-service';
import type { PhotoSource, SynthesisOutput, Synthesizer } from './synthesizer';
import type { WorkArea } from './work-area';

export interface EditorSynthesisOptions {
  /** The model's manifest; null when no models folder was found. */
  readonly manifestPath: string | null;
  readonly photos: PhotoStore;
  readonly inference?: InferenceServiceOptions;
  /** The refiner (default: the one beside the manifest, when installed). */
  readonly refiner?: ModelStackOptions['refiner'];
  /**
   * Built raster-worker.js: the document's rasterization runs in that worker thread (the app,
   * the browser host), so a costly document never freezes IPC and menus; without it, on the
   * calling thread.
   */
  readonly rasterWorkerPath?: string;
  /**
   * Measures the head's roll once per photo, so a tilted head's work area is turned upright for
   * the network (turned-work-area.ts). Default: the landmark model beside the manifest; null:
   * always upright.
   */
  readonly faceRolls?: FaceRolls | null;
}

interface LoadedModel {
  readonly service: SynthesisService;
  /** Where the base network runs, and why (the status bar's provider line). */
  readonly providerMessage: string;
  /** The refiner's line: which one runs, or why none does. */
  readonly refinerLine: string | undefined;
  dispose(): Promise<void>;
}

export class EditorSynthesis {
  private loading: Promise<LoadedModel> | null = null;
  /** What the last load attempt ended in, for the status bar (`inferenceStatus`). */
  private lastLoad: InferenceStatus = { state: 'not-loaded', message: 'The model is loading.' };
  /** The session's provider and threads; Preferences change them (`reconfigure`). */
  private inferenceOptions: InferenceServiceOptions | undefined;

  private readonly raster: DocumentRasterizer;
  private readonly rolls: FaceRolls | null;

  constructor(private readonly options: EditorSynthesisOptions) {
    this.inferenceOptions = options.inference;
    this.rolls =
      options.faceRolls !== undefined
        ? options.faceRolls
        : options.manifestPath === null
          ? null
          : new FaceRolls(path.dirname(options.manifestPath));
    this.raster =
      options.rasterWorkerPath === undefined
        ? inlineRasterizer
        : new RasterWorker(options.rasterWorkerPath);
  }

  /** Opens the model now (e.g. at start-up, to hide the load behind the first photo's opening). */
  load(): Promise<LoadedModel> {
    // The rasterization worker starts beside the model, off the first edit's path.
    this.raster.warm();
    if (this.loading === null) {
      const manifest = this.options.manifestPath;
      this.loading =
        manifest === null
          ? Promise.reject(
              new ModelLoadError(
                'model-not-installed',
                'Model not installed: no models folder was found.',
              ),
            )
          : openModelStack(manifest, {
              ...this.inferenceOptions,
              ...(this.options.refiner ? { refiner: this.options.refiner } : {}),
            }).then((stack) => ({
              service: new SynthesisService(stack.synthesizer),
              providerMessage: stack.providerMessage,
              refinerLine: stack.statusLines[1],
              dispose: () => stack.dispose(),
            }));
      const attempt = this.loading;
      attempt.then(
        (loaded) => {
          // A reconfigure since this load started owns the status now.
          if (this.loading === attempt)
            this.lastLoad = {
              state: 'ready',
              message: loaded.providerMessage,
              ...(loaded.refinerLine ? { refiner: loaded.refinerLine } : {}),
            };
        },
        (error: unknown) => {
          if (this.loading !== attempt) return;
          this.lastLoad = {
            state: 'failed',
            message: error instanceof Error ? error.message : String(error),
          };
          // A failed load is retried on the next request (the file may have been restored).
          this.loading = null;
        },
      );
    }
    return this.loading;
  }

  /**
   * Reopens the model with another execution provider or thread count (Preferences). Requests
   * made meanwhile wait for the new session; one running on the old session may fail and is
   * answered with the reason, and the next stroke runs on the new one.
   */
  async reconfigure(settings: {
    readonly preference: ProviderPreference;
    readonly threads: number | undefined;
  }): Promise<void> {
    const next: { -readonly [K in keyof InferenceServiceOptions]: InferenceServiceOptions[K] } = {
      ...this.inferenceOptions,
      preference: settings.preference,
    };
    if (settings.threads === undefined) delete next.threads;
    else next.threads = settings.threads;
    this.inferenceOptions = next;
    const previous = this.loading;
    this.loading = null;
    this.lastLoad = {
      state: 'not-loaded',
      message: `Loading the model (${settings.preference === 'auto' ? 'best available provider' : PROVIDER_SETTING_LABELS[settings.preference]}, ${settings.threads === undefined ? 'automatic CPU threads' : `${settings.threads} CPU thread${settings.threads === 1 ? '' : 's'}`})…`,
    };
    if (previous) await previous.then((m) => m.dispose()).catch(() => undefined);
    await this.load().catch(() => undefined);
  }

  /** Which execution provider the model runs on and why, once loaded; otherwise why not. */
  inferenceStatus(): InferenceStatus {
    return this.lastLoad;
  }

  async synthesize(request: SynthesizeRequest): Promise<Result<SynthesizeResponse>> {
    return refuseOverBudget(() => this.synthesizeWithin(request));
  }

  private async synthesizeWithin(request: SynthesizeRequest): Promise<Result<SynthesizeResponse>> {
    const received = performance.now();
    const { requestId, revision, document } = request;
    const asset = this.options.photos.get(document.photo.assetId);
    if (!asset) return photoGone();
    const checked = checkDocument(document, asset.info);
    if (checked.status === 'refused') return fail('invalid-request', checked.reason);
    if (checked.status === 'nothing-to-do')
      return ok({ status: 'nothing-to-do', requestId, revision });

    let model: LoadedModel;
    try {
      model = await this.load();
    } catch (error) {
      return fail('model-unavailable', error instanceof Error ? error.message : String(error));
    }
    const resolution = model.service.synthesizer.resolution;
    const prepared = await this.raster.prepare(document, resolution);
    if (prepared.status === 'nothing-to-do')
      return ok({ status: 'nothing-to-do', requestId, revision });
    const { area, strokes, guidance } = prepared;

    const photo = photoSourceOf(asset);
    const rollDegrees = await this.rollOf(asset, area);
    const outcome = await model.service.request({
      photo,
      workArea: area,
      guidance,
      seed: document.seed,
      revision,
      ...(rollDegrees === undefined ? {} : { rollDegrees }),
    });
    if (outcome.status === 'superseded') return ok({ status: 'superseded', requestId, revision });
    const { inferenceMs } = outcome.output;
    // The preview is Apply/Export's own finish stage on the work area at the shown size: one
    // feather, one refiner and detail stage, for every size. Asked for at the work area's own
    // size (the canvas at 100 %), it is the export's full-resolution region itself.
    const full =
      request.previewSide !== undefined &&
      request.previewSide >= area.size &&
      area.size > MAX_PREVIEW_RESOLUTION;
    let shown: Pick<SynthesisResult, 'resolution' | 'rgba' | 'region'>;
    if (full) {
      const region = await finish(
        model.service.synthesizer,
        photo,
        area,
        outcome.output,
        await this.raster.fullResolutionMask(strokes.mask, area, photo),
        { layer: true, irises: irisesToRecolour(document) },
      );
      shown = {
        resolution: area.size,
        rgba: region.layer as Uint8Array,
        region: {
          x: region.left - area.x,
          y: region.top - area.y,
          width: region.width,
          height: region.height,
        },
      };
    } else {
      const side = previewResolution(area.size, resolution);
      const rgba = await refinedPreview(
        model.service.synthesizer,
        photo,
        area,
        outcome.output,
        await this.raster.maskPlane(strokes.mask, area, side),
        side,
        irisesToRecolour(document),
      );
      shown = { resolution: side, rgba };
    }
    return ok({
      status: 'done',
      requestId,
      revision,
      result: {
        workArea: area,
        ...shown,
        inferenceMs,
        backendMs: performance.now() - received,
      },
    });
  }

  /**
   * "Apply": the document's edit baked into a new photo asset at full resolution, stored as a
   * lossless PNG so the next edit builds on exactly these pixels. Same inputs and seed as the
   * result on screen, so the baked pixels are the ones the person saw.
   */
  async apply(document: FaceDocument): Promise<Result<OpenedPhoto>> {
    return refuseOverBudget(() => this.applyWithin(document));
  }

  private async applyWithin(document: FaceDocument): Promise<Result<OpenedPhoto>> {
    const asset = this.options.photos.get(document.photo.assetId);
    if (!asset) return photoGone();
    const checked = checkDocument(document, asset.info);
    if (checked.status === 'refused') return fail('invalid-request', checked.reason);
    if (checked.status === 'nothing-to-do')
      return fail('invalid-request', 'There is no edit to apply: paint a mask first.');
    const render = await this.renderer(asset);
    if (!render.ok) return render;
    const rendered = await render.value(document, { format: 'png' });
    const name = asset.info.fileName.replace(/(\.[^.]*)?$/, ' (edited).png');
    const decoded = await decodePhoto(rendered.bytes, name);
    if (!decoded.ok) return decoded;
    // Remembering what it was made from lets a project file keep the original beside it.
    const baked = this.options.photos.add(decoded.value.info, rendered.bytes, asset.id);
    return ok({ photoId: baked.id, info: baked.info, preview: decoded.value.preview });
  }

  /**
   * The edited photo at full resolution, encoded for export; the photo as it is when the
   * document has no mask paint (then the model is not needed).
   */
  async exportDocument(
    document: FaceDocument,
    options: ExportOptions,
  ): Promise<Result<{ bytes: Buffer; edited: boolean }>> {
    const asset = this.options.photos.get(document.photo.assetId);
    if (!asset) return photoGone();
    const checked = checkDocument(document, asset.info);
    if (checked.status === 'refused') return fail('invalid-request', checked.reason);
    try {
      if (checked.status === 'nothing-to-do')
        return ok({ bytes: await exportEdited(asset.source, null, options), edited: false });
      const render = await this.renderer(asset);
      if (!render.ok) return render;
      const rendered = await render.value(document, options);
      return ok({ bytes: rendered.bytes, edited: rendered.region !== null });
    } catch (error) {
      if (error instanceof RasterBudgetError) return fail('invalid-request', error.message);
      const words = inFaceShopWords(error);
      console.warn(`[faceshop] export failed: ${words.detail}`);
      return fail('export-failed', `The photo could not be exported. ${words.message}`);
    }
  }

  /** Renders documents of `asset` at full resolution with the loaded model (loading it first). */
  private async renderer(
    asset: PhotoAsset,
  ): Promise<
    Result<(document: FaceDocument, options: ExportOptions) => Promise<RenderedDocument>>
  > {
    let model: LoadedModel;
    try {
      model = await this.load();
    } catch (error) {
      return fail('model-unavailable', error instanceof Error ? error.message : String(error));
    }
    return ok((document, options) =>
      renderDocument(
        model.service.synthesizer,
        photoSourceOf(asset),
        asset.source,
        document,
        options,
        this.raster,
        (area) => this.rollOf(asset, area),
      ),
    );
  }

  /**
   * The head's roll in a work area of this photo, measured once per photo (the same for the
   * preview, Apply and Export, so they stay the same pixels); undefined when unknown.
   */
  private rollOf(asset: PhotoAsset, area: WorkArea): Promise<number | undefined> {
    if (this.rolls === null) return Promise.resolve(undefined);
    return this.rolls.rollFor({ key: asset.id, bytes: asset.source }, area).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = null;
    if (loading) await loading.then((m) => m.dispose()).catch(() => undefined);
    await this.raster.dispose();
    await this.rolls?.dispose();
  }
}

/** A document too costly to rasterize is refused with its reason, not as a backend fault. */
async function refuseOverBudget<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RasterBudgetError) return fail('invalid-request', error.message);
    throw error;
  }
}

function photoGone() {
  return fail('photo-not-found', 'The photo of this document is no longer open; open it again.');
}

const sources = new WeakMap<PhotoAsset, PhotoSource>();

/** The pipeline's view of a stored photo (one per asset, so its work-area cache is shared). */
export function photoSourceOf(asset: PhotoAsset): PhotoSource {
  let source = sources.get(asset);
  if (!source) {
    source = {
      key: asset.id,
      width: asset.info.width,
      height: asset.info.height,
      open: () => sharp(asset.source, { limitInputPixels: false }).rotate().toColourspace('srgb'),
    };
    sources.set(asset, source);
  }
  return source;
}

/** The largest side the editor's refined preview is computed at (a 1536² RGBA is 9 MB). */
export const MAX_PREVIEW_RESOLUTION = 1536;

/**
 * The side of the preview of an edit: the network's own frame while the work area is about
 * that size (no finer detail to show); beyond it the work area at full resolution (up to
 * MAX_PREVIEW_RESOLUTION), so the preview shows the detail the export will have, and for work
 * areas up to that size the very same pixels.
 */
export function previewResolution(areaSize: number, resolution: number): number {
  if (areaSize < MIN_DETAIL_SCALE * resolution) return resolution;
  return Math.min(areaSize, MAX_PREVIEW_RESOLUTION);
}

/**
 * The preview: the paste-back of Apply and Export (upsampling, detail transfer, feather) run on
 * the work area rendered at `shown` px, returned as a layer (RGBA, alpha the feathered mask) to
 * draw over the photo.
 */
async function refinedPreview(
  synth: Synthesizer,
  photo: PhotoSource,
  area: WorkArea,
  output: SynthesisOutput,
  plane: Uint8Array,
  shown: number,
  irises: readonly IrisToRecolour[],
): Promise<Uint8Array> {
  const pixels = await synth.workAreaPixels(photo, area, shown);
  const square: PhotoSource = {
    key: `${photo.key}|${area.x},${area.y},${area.size}|${shown}`,
    width: shown,
    height: shown,
    open: () => sharp(pixels, { raw: { width: shown, height: shown, channels: 3 } }),
  };
  // The iris marks in the square's pixels, so the preview recolours as the export does.
  const k = shown / area.size;
  const region = await finish(synth, square, { x: 0, y: 0, size: shown }, output, plane, {
    layer: true,
    irises: irises.map((iris) => ({
      ...iris,
      x: (iris.x - area.x) * k,
      y: (iris.y - area.y) * k,
      radius: iris.radius * k,
    })),
  });
  // The region is the window around the mask; elsewhere the layer is transparent.
  const rgba = new Uint8Array(4 * shown * shown);
  const layer = region.layer as Uint8Array;
  for (let y = 0; y < region.height; y++)
    rgba.set(
      layer.subarray(4 * y * region.width, 4 * (y + 1) * region.width),
      4 * ((y + region.top) * shown + region.left),
    );
  return rgba;
}
