/**
 * A log of named things the app did that a person would notice: it became ready, a photo was
 * opened and is on screen, an error message appeared. End-to-end tests wait on these instead
 * of sleeping or polling the DOM (STYLE.md 13). The log is always kept (it is tiny); it is put
 * on `window.__faceshopTest` only when the bridge says test hooks are on.
 */
import type { FaceDocument } from '../../shared/document';

export interface AppEventDetails {
  /** The first status arrived and the workspace is interactive. */
  'app-ready': { modelState: string };
  /** The backend decoded a photo. */
  'photo-opened': { photoId: string; fileName: string; width: number; height: number };
  /** File → Export wrote the edited photo. */
  'photo-exported': { path: string; format: string };
  /** The canvas has drawn the photo, fitted to the view (sizes in CSS pixels). */
  'photo-shown': {
    photoId: string;
    zoom: number;
    left: number;
    top: number;
    width: number;
    height: number;
    viewWidth: number;
    viewHeight: number;
  };
  /** An error message is on screen. */
  'error-shown': { code: string; message: string };
  /** A synthesized result is on screen (times in milliseconds). */
  'synthesis-shown': {
    revision: number;
    requestId: string;
    /** Pointer-up (or the undo, the toggle…) → result drawn. */
    latencyMs: number;
    /** Request sent → answer received. */
    roundTripMs: number;
    inferenceMs: number;
    backendMs: number;
  };
  /** The newest synthesis request failed; the status bar says why. */
  'synthesis-failed': { revision: number; code: string; message: string };
  /** Apply baked the result of `revision` into the new photo `photoId` (one undo step). */
  'result-applied': { photoId: string; revision: number };
  /** The project file was written and the document marked saved. */
  'project-saved': { path: string; fileName: string; warnings: number };
  /** A project (from a file, bytes or a recovery) replaced the document. */
  'project-opened': { fileName: string; origin: string; photoId: string; warnings: number };
  /** An autosave request was answered (`unchanged`: the backend had it already). */
  autosaved: { savedAt: string; unchanged: boolean; photoId: string };
  /** The source panel opened a photo (or a project's photo) to paste from. */
  'paste-source-opened': {
    photoId: string;
    fileName: string;
    from: 'photo' | 'project';
    workArea: { x: number; y: number; size: number };
  };
  /** Paste added a pasted-region layer; `revision` is the document's after it. */
  'region-pasted': {
    layerId: string;
    revision: number;
    /** How it was placed: onto the target's part by both faces' landmarks, or by work area. */
    placedBy: 'landmarks' | 'work-area';
    /** Why not by landmarks, when it was not. */
    landmarksMissing: 'source' | 'target' | 'both' | null;
  };
  /** The recovery banner offers a crashed session's work. */
  'recovery-offered': { displayName: string; savedAt: string };
}

export type AppEventName = keyof AppEventDetails;

export interface AppEventRecord<N extends AppEventName = AppEventName> {
  /** 1, 2, 3… in the order the events happened. */
  readonly seq: number;
  readonly name: N;
  readonly detail: AppEventDetails[N];
}

/** The object tests find on `window.__faceshopTest`. */
export interface FaceshopTestApi {
  /** Every event so far, oldest first. */
  events(): readonly AppEventRecord[];
  /** The first event named `name` whose seq is greater than `afterSeq`. */
  find<N extends AppEventName>(name: N, afterSeq?: number): AppEventRecord<N> | undefined;
  /** The seq of the latest event (0 before any), to wait for events after a given moment. */
  lastSeq(): number;
  /** The open document in test-friendly terms, or null before a photo is open. */
  readDocument(): DocumentProbe | null;
  /**
   * Renders a rectangle of the photo (photo pixels, one pixel each) through the canvas's own
   * objects: the photo alone, the photo with the result over it, or everything on screen.
   * RGBA, base64 (a JSON array would take seconds to cross into the test).
   */
  readPixels(rect: PixelRect, content: PixelContent): PixelProbe | null;
  /** The open document itself (plain JSON data), or null before a photo is open. */
  readDocumentData(): FaceDocument | null;
}

export interface DocumentProbe {
  readonly revision: number;
  /** Strokes (or iris marks) per layer kind, summed over layers of that kind. */
  readonly counts: Readonly<Record<string, number>>;
  readonly workArea: { readonly x: number; readonly y: number; readonly size: number };
  readonly history: { readonly steps: readonly string[]; readonly position: number };
  readonly tool: string;
  readonly color: string;
  /** Photo pixels, per brush family (mask, sketch, color, eraser). */
  readonly brushSizes: Readonly<Record<string, number>>;
  /** The revision of the result on screen, or null. */
  readonly resultRevision: number | null;
  readonly viewport: { readonly zoom: number; readonly offsetX: number; readonly offsetY: number };
}

export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type PixelContent = 'photo' | 'photo-and-result' | 'screen';

export interface PixelProbe {
  readonly width: number;
  readonly height: number;
  readonly rgbaBase64: string;
}

/** What the app plugs into the test API once an editor and a canvas exist. */
export interface TestProbes {
  readDocument(): DocumentProbe | null;
  readPixels(rect: PixelRect, content: PixelContent): PixelProbe | null;
  readDocumentData(): FaceDocument | null;
}

export const TEST_API_GLOBAL_NAME = '__faceshopTest';

const log: AppEventRecord[] = [];
let probes: TestProbes | null = null;

/** Installs (or, with null, removes) what `readDocument` and `readPixels` answer from. */
export function setTestProbes(next: TestProbes | null): void {
  probes = next;
}

export function emitAppEvent<N extends AppEventName>(name: N, detail: AppEventDetails[N]): void {
  log.push({ seq: log.length + 1, name, detail });
}

const testApi: FaceshopTestApi = {
  events: () => [...log],
  find: <N extends AppEventName>(name: N, afterSeq = 0) =>
    log.find(
      (record): record is AppEventRecord<N> => record.name === name && record.seq > afterSeq,
    ),
  lastSeq: () => log.length,
  readDocument: () => probes?.readDocument() ?? null,
  readPixels: (rect, content) => probes?.readPixels(rect, content) ?? null,
  readDocumentData: () => probes?.readDocumentData() ?? null,
};

export function exposeTestApi(): void {
  Object.defineProperty(window, TEST_API_GLOBAL_NAME, { value: Object.freeze(testApi) });
}
