/**
 * Live re-synthesis: connects the editor's "what the network sees changed" signal to the
 * backend's `synthesize`, and the answers back to the editor's session.
 *
 * Every `onSynthesisNeeded(revision)` sends one request with a fresh request id and that
 * revision. Nothing is queued or throttled here: the backend runs one inference at a time and
 * answers `superseded` to any request a newer one overtook (latest-wins, DESIGN.md). An answer
 * is shown only if its revision is still the editor's, so a slow result never replaces a newer
 * picture; while a request runs, the previous result stays on screen. A document without a
 * visible mask needs no network at all: the result is dropped and the photo is the picture.
 *
 * Timing: the editor fires the signal inside the pointer-up that committed the stroke, so
 * "needed → drawn" is the person's pointer-up → result-on-screen latency. The canvas calls
 * `resultDrawn` once a result is on screen, which completes the measurement and fires `shown`.
 */
import { hasVisibleMask, type DocumentRevision } from '../../shared/document';
import type { BackendApi } from '../../shared/ipc/contract';
import type { BackendError } from '../../shared/ipc/result';
import { commands, type Editor } from '../editor';
import { Signal } from '../editor/store/signal';
import { DocumentStatusLines } from './document-status-lines';
import type { ResultStore } from './result-store';

export interface SynthesisStatus {
  /** A request for the newest revision is on its way. */
  readonly running: boolean;
  /** Request sent → answer received, for the last result shown. */
  readonly lastRoundTripMs: number | null;
  readonly lastInferenceMs: number | null;
  /** Why the newest request failed; cleared by the next answer. Editing goes on regardless. */
  readonly error: BackendError | null;
}

export interface SynthesisShown {
  readonly revision: DocumentRevision;
  readonly requestId: string;
  readonly assetId: string;
  /** Synthesis needed (the pointer-up) → result drawn. */
  readonly latencyMs: number;
  /** Request sent → answer received. */
  readonly roundTripMs: number;
  readonly inferenceMs: number;
  readonly backendMs: number;
}

export interface SynthesisFailure {
  readonly revision: DocumentRevision;
  readonly requestId: string;
  readonly error: BackendError;
}

export interface SynthesisClientOptions {
  readonly now?: () => number;
  /**
   * The side, in device pixels, the view shows the work area at (zoom × device pixel ratio ×
   * the work area's side); sent with each request so that at 100 % and beyond the result comes
   * at full resolution.
   */
  readonly previewSide?: () => number | undefined;
}

interface InFlight {
  readonly requestId: string;
  readonly revision: DocumentRevision;
  readonly neededAt: number;
  readonly sentAt: number;
}

interface AwaitingDraw extends InFlight {
  readonly assetId: string;
  readonly receivedAt: number;
  readonly inferenceMs: number;
  readonly backendMs: number;
}

const IDLE: SynthesisStatus = {
  running: false,
  lastRoundTripMs: null,
  lastInferenceMs: null,
  error: null,
};

/** The part of the status that describes one document's last answer (not what runs now). */
type StatusLine = Pick<SynthesisStatus, 'lastRoundTripMs' | 'lastInferenceMs' | 'error'>;

export class SynthesisClient {
  private readonly now: () => number;
  private readonly previewSide: () => number | undefined;
  private readonly listeners = new Set<() => void>();
  private current: SynthesisStatus = IDLE;
  private newestRevision: DocumentRevision = 0;
  private requestCounter = 0;
  private readonly inFlight = new Map<string, InFlight>();
  private awaitingDraw: AwaitingDraw | null = null;
  private stopListening: (() => void) | null = null;
  private documentKey: string | null = null;
  private readonly statusLines = new DocumentStatusLines<StatusLine>({
    lastRoundTripMs: null,
    lastInferenceMs: null,
    error: null,
  });

  /** A result reached the screen. */
  readonly shown = new Signal<SynthesisShown>();
  /** The newest request failed (the message is for the person). */
  readonly failed = new Signal<SynthesisFailure>();

  constructor(
    private readonly editor: Editor,
    private readonly synthesize: BackendApi['synthesize'],
    private readonly results: ResultStore,
    options: SynthesisClientOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.previewSide = options.previewSide ?? (() => undefined);
  }

  /**
   * The view now magnifies the result on screen (the person zoomed in after it came): asks for
   * it again for the same revision, at the resolution the view shows. Nothing while a request
   * runs, or when the result is already fine enough.
   */
  refresh(): void {
    if (this.inFlight.size > 0) return;
    const shown = this.editor.session.result?.assetId;
    const stored = shown ? this.results.get(shown) : undefined;
    const side = this.previewSide();
    if (!stored || side === undefined || stored.revision !== this.editor.revision) return;
    if (stored.resolution >= stored.workArea.size || side <= stored.resolution * 1.1) return;
    this.request(this.editor.revision);
  }

  /** Starts following the editor; returns the function that stops. */
  start(): () => void {
    this.stopListening ??= this.editor.onSynthesisNeeded((revision) => this.request(revision));
    return () => this.stop();
  }

  /**
   * Another document replaces the editor's (`key` names it: the photo it was opened on). The
   * status line — the last round trip, the last error — is the document's: the one being left
   * is kept under its key, and `key`'s own comes back (nothing for a document never seen).
   * Answers still on their way belong to the document left and are dropped when they come.
   */
  switchDocument(key: string): void {
    const { lastRoundTripMs, lastInferenceMs, error } = this.current;
    const line = this.statusLines.switchDocument(
      this.documentKey,
      { lastRoundTripMs, lastInferenceMs, error },
      key,
    );
    if (key === this.documentKey) return;
    this.documentKey = key;
    this.inFlight.clear();
    this.awaitingDraw = null;
    this.setStatus({ running: false, ...line });
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.inFlight.clear();
    this.awaitingDraw = null;
    this.setStatus({ running: false });
  }

  // ── For useSyncExternalStore ──────────────────────────────────────────────────────────────

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getStatus = (): SynthesisStatus => this.current;

  // ── The canvas's report ──────────────────────────────────────────────────────────────────

  /** The canvas has drawn the result `assetId`. */
  resultDrawn(assetId: string): void {
    const awaiting = this.awaitingDraw;
    if (awaiting?.assetId !== assetId) return;
    this.awaitingDraw = null;
    this.shown.emit({
      revision: awaiting.revision,
      requestId: awaiting.requestId,
      assetId,
      latencyMs: this.now() - awaiting.neededAt,
      roundTripMs: awaiting.receivedAt - awaiting.sentAt,
      inferenceMs: awaiting.inferenceMs,
      backendMs: awaiting.backendMs,
    });
  }

  // ── Requests and answers ──────────────────────────────────────────────────────────────────

  private request(revision: DocumentRevision): void {
    const neededAt = this.now();
    this.newestRevision = revision;
    const document = this.editor.document;
    if (!hasVisibleMask(document)) {
      // Nothing to synthesize: the photo itself is the picture. Requests still running are
      // left to be superseded by the backend or dropped by revision when they answer.
      this.editor.run(commands.clearResult, undefined);
      this.results.keepOnly(null);
      this.setStatus({ running: false, error: null });
      return;
    }
    this.requestCounter += 1;
    const requestId = `synthesis-${this.requestCounter}`;
    const flight: InFlight = { requestId, revision, neededAt, sentAt: this.now() };
    this.inFlight.set(requestId, flight);
    this.setStatus({ running: true });
    const previewSide = this.previewSide();
    this.synthesize({
      requestId,
      revision,
      document,
      ...(previewSide === undefined ? {} : { previewSide: Math.ceil(previewSide) }),
    }).then(
      (answer) => this.answered(flight, answer),
      (error: unknown) =>
        this.answered(flight, {
          ok: false,
          error: { code: 'transport', message: `Synthesis failed: ${String(error)}` },
        }),
    );
  }

  private answered(flight: InFlight, answer: Awaited<ReturnType<BackendApi['synthesize']>>): void {
    // Stopped, or replaced by a new photo's client: the answer belongs to nobody.
    if (!this.inFlight.delete(flight.requestId)) return;
    const newest = flight.revision === this.newestRevision;
    if (!answer.ok) {
      if (newest) {
        this.setStatus({ running: false, error: answer.error });
        this.failed.emit({
          revision: flight.revision,
          requestId: flight.requestId,
          error: answer.error,
        });
      }
      return;
    }
    const response = answer.value;
    switch (response.status) {
      case 'superseded':
        // A newer request overtook this one; its own answer will come.
        return;
      case 'nothing-to-do':
        if (newest) {
          this.editor.run(commands.clearResult, undefined);
          this.results.keepOnly(null);
          this.setStatus({ running: false, error: null });
        }
        return;
      case 'done': {
        // Checked here rather than left to receive-result, which would report a refusal.
        if (flight.revision !== this.editor.revision) return;
        const receivedAt = this.now();
        const { result } = response;
        const stored = this.results.add({
          revision: flight.revision,
          workArea: result.workArea,
          resolution: result.resolution,
          rgba: result.rgba,
          ...(result.region ? { region: result.region } : {}),
          inferenceMs: result.inferenceMs,
          backendMs: result.backendMs,
        });
        const outcome = this.editor.run(commands.receiveResult, {
          assetId: stored.assetId,
          revision: flight.revision,
        });
        if (outcome.status === 'refused') {
          this.results.keepOnly(this.editor.session.result?.assetId ?? null);
          return;
        }
        this.results.keepOnly(stored.assetId);
        this.awaitingDraw = {
          ...flight,
          assetId: stored.assetId,
          receivedAt,
          inferenceMs: result.inferenceMs,
          backendMs: result.backendMs,
        };
        this.setStatus({
          running: false,
          lastRoundTripMs: receivedAt - flight.sentAt,
          lastInferenceMs: result.inferenceMs,
          error: null,
        });
        return;
      }
    }
  }

  private setStatus(change: Partial<SynthesisStatus>): void {
    const next = { ...this.current, ...change };
    const same = (Object.keys(next) as (keyof SynthesisStatus)[]).every(
      (key) => next[key] === this.current[key],
    );
    if (same) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }
}
