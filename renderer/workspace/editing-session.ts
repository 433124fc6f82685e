/**
 * Everything that lives while photos are edited, wired together once: the editor (document,
 * history, tools), the photos and results it refers to by id, and the synthesis client that
 * keeps the result in step with the document. The first opened photo creates the editor; later
 * photos replace its document (fresh history and session), as the editor's notes ask.
 *
 * React reads the editor through `subscribe`/`getEditor` (it changes identity once, from null)
 * and the editor's own `subscribe`/`state`.
 */
import type { ProjectSession } from '../../shared/project/project-session';
import { PasteSourceSlot } from './paste-source-slot';
import type { PhotoDetail } from '../../shared/photo/photo-detail';
import type { Rect } from '../canvas/detail-tile';
import { clampWorkArea, createEmptyDocument, type Point } from '../../shared/document';
import type { BackendApi } from '../../shared/ipc/contract';
import type { FaceDocument } from '../../shared/document';
import type { OpenedPhoto } from '../../shared/photo/photo';
import { Editor, type ColorSampler, type Platform } from '../editor';
import { ResultStore, type StoredResult } from '../synthesis/result-store';
import { SynthesisClient } from '../synthesis/synthesis-client';
import { PhotoLibrary } from './photo-library';

const SEED_RANGE = 0x1_0000_0000;

export interface EditingSessionOptions {
  readonly synthesize: BackendApi['synthesize'];
  /** Full-resolution pixels for the 100 % view; without it the canvas shows the preview. */
  readonly photoDetail?: BackendApi['photoDetail'];
  readonly platform: Platform;
  readonly random?: () => number;
}

export class EditingSession {
  readonly photos = new PhotoLibrary();
  /** The paste source panel's photo: saved with a project, back when it reopens. */
  readonly pasteSource = new PasteSourceSlot();
  /** A baked photo → the photo it was applied onto (for what is the same in both: the face). */
  private readonly appliedFrom = new Map<string, string>();
  readonly results = new ResultStore();
  /** What the canvas looks up by asset id. */
  readonly assets = {
    photo: (assetId: string): OpenedPhoto | undefined => this.photos.get(assetId),
    result: (assetId: string): StoredResult | undefined => this.results.get(assetId),
    detail: async (assetId: string, rect: Rect): Promise<PhotoDetail | null> => {
      const fetchDetail = this.options.photoDetail;
      if (!fetchDetail || !this.photos.get(assetId)) return null;
      const answer = await fetchDetail({ photoId: assetId, ...rect });
      return answer.ok ? answer.value : null;
    },
    /** The view settled where it magnifies the result: ask for it at the shown resolution. */
    viewSettled: (): void => this.client?.refresh(),
  };
  private editor: Editor | null = null;
  private client: SynthesisClient | null = null;
  private readonly listeners = new Set<() => void>();
  private sampler: ColorSampler = () => null;
  /** Recovered work: unsaved although its (fresh) history has nothing to undo. */
  private unsavedWithoutHistory = false;

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
    const random = this.options.random ?? Math.random;
    const empty = createEmptyDocument(
      { assetId: photo.photoId, width: photo.info.width, height: photo.info.height },
      Math.floor(random() * SEED_RANGE),
    );
    // The backend's face detector frames the face the way the network was trained; without
    // a face the document's default (the largest centred square) stands.
    const document = photo.suggestedWorkArea
      ? { ...empty, workArea: clampWorkArea(photo.suggestedWorkArea, empty.photo) }
      : empty;
    this.start(document, [photo], false);
  }

  /**
   * Continues a saved (or recovered) project: its document, every photo it refers to, and the
   * session it was saved with (view, brushes, colours, the undo steps that replay cleanly).
   * `unsaved` marks work that exists in no project file (a recovery). Returns how many saved
   * undo steps were left out.
   */
  openDocument(
    document: FaceDocument,
    photos: readonly OpenedPhoto[],
    unsaved: boolean,
    saved: ProjectSession | null = null,
  ): number {
    this.start(document, photos, unsaved);
    if (saved === null || !this.editor) return 0;
    const kept = saved.pasteSource;
    const sourcePhoto = kept && photos.find((photo) => photo.photoId === kept.assetId);
    if (kept && sourcePhoto)
      this.pasteSource.set({
        photo: sourcePhoto,
        workArea: kept.workArea,
        fileName: kept.fileName,
        from: 'photo',
      });
    return this.editor.restoreSession(saved, new Set(photos.map((photo) => photo.photoId)));
  }

  /** What a project file keeps beside the document: the editor's session and the paste source. */
  savedSession(): ProjectSession | null {
    const editor = this.editor;
    if (!editor) return null;
    const source = this.pasteSource.get();
    return {
      ...editor.savedSession(),
      ...(source
        ? {
            pasteSource: {
              assetId: source.photo.photoId,
              workArea: { ...source.workArea },
              fileName: source.fileName,
            },
          }
        : {}),
    };
  }

  /**
   * A photo the backend baked (Apply). Kept beside the old one, which undo brings back; both
   * are forgotten when another photo or project replaces the document.
   */
  addPhoto(photo: OpenedPhoto, appliedOnto?: string): void {
    this.photos.add(photo);
    if (appliedOnto !== undefined) this.appliedFrom.set(photo.photoId, appliedOnto);
  }

  /** The document now matches a project file: `markSaved` and the recovery mark cleared. */
  markSaved(): void {
    this.unsavedWithoutHistory = false;
    this.editor?.markSaved();
  }

  /** A photo's face landmarks, or those of the photo it was applied onto (the same face). */
  private landmarksOf(assetId: string | undefined): readonly Point[] | null {
    for (let id = assetId, hops = 0; id !== undefined && hops < 64; hops++) {
      const photo = this.photos.get(id);
      if (photo?.landmarks) return photo.landmarks;
      id = this.appliedFrom.get(id);
    }
    return null;
  }

  private start(document: FaceDocument, photos: readonly OpenedPhoto[], unsaved: boolean): void {
    for (const photo of photos) this.photos.add(photo);
    this.photos.keepOnly(new Set(photos.map((photo) => photo.photoId)));
    this.unsavedWithoutHistory = unsaved;
    const random = this.options.random ?? Math.random;
    // The status line (last round trip, last error) is the document's; an Apply later changes
    // the document's photo but not whose line it is.
    const documentKey = document.photo.assetId;
    if (this.editor) {
      this.client?.switchDocument(documentKey);
      this.editor.replaceDocument(document);
      return;
    }
    this.editor = new Editor(document, {
      platform: this.options.platform,
      sampleColor: (point) => this.sampler(point),
      // The photo's own landmarks; after an Apply, the photo it was made from has the same face.
      faceLandmarks: () => this.landmarksOf(this.editor?.document.photo.assetId),
      random,
    });
    const editor = this.editor;
    this.client = new SynthesisClient(editor, this.options.synthesize, this.results, {
      previewSide: () =>
        editor.session.viewport.zoom *
        (globalThis.devicePixelRatio || 1) *
        editor.document.workArea.size,
    });
    this.client.switchDocument(documentKey);
    this.client.start();
    // The client hears only changes after it started; a project's first document may already
    // hold a mask, so it is handed over once more as a change (a new revision to synthesize).
    this.editor.replaceDocument(document);
    for (const listener of [...this.listeners]) listener();
  }

  /** Whether opening another photo or closing would lose work. */
  get hasUnsavedChanges(): boolean {
    return this.unsavedWithoutHistory || (this.editor?.hasUnsavedChanges ?? false);
  }
}
