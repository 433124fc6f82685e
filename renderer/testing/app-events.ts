/**
 * A log of named things the app did that a person would notice: it became ready, a photo was
 * opened and is on screen, an error message appeared. End-to-end tests wait on these instead
 * of sleeping or polling the DOM (STYLE.md 13). The log is always kept (it is tiny); it is put
 * on `window.__faceshopTest` only when the bridge says test hooks are on.
 */

export interface AppEventDetails {
  /** The first status arrived and the workspace is interactive. */
  'app-ready': { modelState: string };
  /** The backend decoded a photo. */
  'photo-opened': { photoId: string; fileName: string; width: number; height: number };
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
}

export const TEST_API_GLOBAL_NAME = '__faceshopTest';

const log: AppEventRecord[] = [];

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
};

export function exposeTestApi(): void {
  Object.defineProperty(window, TEST_API_GLOBAL_NAME, { value: Object.freeze(testApi) });
}
