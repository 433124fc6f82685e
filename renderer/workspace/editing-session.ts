/**
 * Everything that lives while photos are edited, wired together once: the editor (document,
 * history, tools), the photos and results it refers to by id, and the synthesis client that
 * keeps the result in step with the document. The first opened photo creates the editor; later
 * photos replace its document (fresh history and session), as the editor's notes ask.
 *
 * React reads the editor through `subscribe`/`getEditor` (it changes identity once, from null)
 * and the editor's own `subscribe`/`state`.
 */
import { createEmptyDocument } from '../../shared/document';
import type { BackendApi } from '../../shared/ipc/contract';
import type { OpenedPhoto } from '../../shared/photo/photo';
import { Editor, type ColorSampler, type Platform } from '../editor';
import { ResultStore, type StoredResult } from '../synthesis/result-store';
import { SynthesisClient } from '../synthesis/synthesis-client';
import { PhotoLibrary } from './photo-library';

const SEED_RANGE = 0x1_0000_0000;

export interface EditingSessionOptions {
  readonly synthesize: BackendApi['synthesize'];
  readonly platform: Platform;
  readonly random?: () => number;
}

export class EditingSession {
  readonly photos = new PhotoLibrary();
  readonly results = new ResultStore();
  /** What the canvas looks up by asset id. */
  readonly assets = {
    photo: (assetId: string): OpenedPhoto | undefined => this.photos.get(assetId),
    result: (assetId: string): StoredResult | undefined => this.results.get(assetId),
  };
  private editor: Editor | null = null;
  private client: SynthesisClient | null = null;
  private readonly listeners = new Set<() => void>();
  private sampler: ColorSampler = () => null;

  constructor(private readonly options: EditingSessionOptions) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getEditor = (): Editor | null => this.editor;

  /** The eyedropper's source: the canvas, once it can read the pixels it displays. */
  setColorSampler(sampler: ColorSampler | null): void {
    this.sampler = sampler ?? (() => null);
  }

  readonly getClient = (): SynthesisClient | null => this.client;

  /** Starts editing `photo` with an empty document. */
  open(photo: OpenedPhoto): void {
    this.photos.add(photo);
    this.photos.keepOnly(new Set([photo.photoId]));
    const random = this.options.random ?? Math.random;
    const document = createEmptyDocument(
      { assetId: photo.photoId, width: photo.info.width, height: photo.info.height },
      Math.floor(random() * SEED_RANGE),
    );
    if (this.editor) {
      this.editor.replaceDocument(document);
      return;
    }
    this.editor = new Editor(document, {
      platform: this.options.platform,
      sampleColor: (point) => this.sampler(point),
      random,
    });
    this.client = new SynthesisClient(this.editor, this.options.synthesize, this.results);
    this.client.start();
    for (const listener of [...this.listeners]) listener();
  }

  /** Whether opening another photo or closing would lose work. */
  get hasUnsavedChanges(): boolean {
    return this.editor?.hasUnsavedChanges ?? false;
  }
}
