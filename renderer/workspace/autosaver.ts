/**
 * Autosave (issue 8): keeps unsaved work in the app's data folder so a crash costs nothing.
 *
 * How it works. A timer ticks every `intervalMs` (a minute); a significant change — an Apply,
 * or every `stepsPerAutosave` recorded steps — asks for one `debounceMs` later, so a burst of
 * strokes writes once. Either way it writes only when the document has unsaved changes, never
 * waits for the answer on the UI's behalf, and runs one request at a time: a request made while
 * one is on its way is folded into a single follow-up with the newest document. The backend
 * skips a document identical to the last one it wrote.
 */
import type { ProjectSession } from '../../shared/project/project-session';
import type { FaceDocument } from '../../shared/document';
import type { BackendApi } from '../../shared/ipc/contract';
import type { Autosaved } from '../../shared/project/project-api';
import type { BackendError } from '../../shared/ipc/result';

export interface AutosaverOptions {
  readonly autosave: BackendApi['autosave'];
  /** The document to keep safe, or null when none is open. */
  readonly document: () => FaceDocument | null;
  readonly hasUnsavedChanges: () => boolean;
  readonly projectPath: () => string | null;
  /** The view, brushes and undo history to keep with it (a restored autosave has them back). */
  readonly session?: () => ProjectSession | null;
  readonly onSaved?: (saved: Autosaved, document: FaceDocument) => void;
  readonly onFailed?: (error: BackendError) => void;
  readonly intervalMs?: number;
  readonly debounceMs?: number;
  readonly stepsPerAutosave?: number;
}

export const AUTOSAVE_INTERVAL_MS = 60_000;
const DEBOUNCE_MS = 1_500;
const STEPS_PER_AUTOSAVE = 10;

export class Autosaver {
  private interval: ReturnType<typeof setInterval> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private stepsSinceSave = 0;
  /** The timer's period; 0 turns the timer off (significant changes still autosave). */
  private intervalMs: number;

  constructor(private readonly options: AutosaverOptions) {
    this.intervalMs = options.intervalMs ?? AUTOSAVE_INTERVAL_MS;
  }

  start(): () => void {
    if (this.interval === null && this.intervalMs > 0) {
      this.interval = setInterval(() => this.saveNow(), this.intervalMs);
    }
    return () => this.stop();
  }

  /** Preferences changed the period: the timer restarts with it if it was running. */
  setIntervalMs(intervalMs: number): void {
    if (intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    if (this.interval === null) return;
    clearInterval(this.interval);
    this.interval = intervalMs > 0 ? setInterval(() => this.saveNow(), intervalMs) : null;
  }

  stop(): void {
    if (this.interval !== null) clearInterval(this.interval);
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.interval = null;
    this.debounce = null;
  }

  /** A recorded step: every so many of them count as a significant change. */
  stepRecorded(): void {
    this.stepsSinceSave += 1;
    if (this.stepsSinceSave >= (this.options.stepsPerAutosave ?? STEPS_PER_AUTOSAVE)) {
      this.significantChange();
    }
  }

  /** Something worth keeping at once (an Apply): autosave shortly, once the burst settles. */
  significantChange(): void {
    if (this.debounce !== null) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.saveNow();
    }, this.options.debounceMs ?? DEBOUNCE_MS);
  }

  saveNow(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const document = this.options.document();
    if (document === null || !this.options.hasUnsavedChanges()) return;
    this.running = true;
    this.stepsSinceSave = 0;
    void this.options
      .autosave({
        document,
        projectPath: this.options.projectPath(),
        ...withSession(this.options.session?.() ?? null),
      })
      .then(
        (answer) => {
          if (answer.ok) this.options.onSaved?.(answer.value, document);
          else this.options.onFailed?.(answer.error);
        },
        (error: unknown) =>
          this.options.onFailed?.({
            code: 'transport',
            message: `Autosave failed: ${String(error)}`,
          }),
      )
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.saveNow();
        }
      });
  }
}

function withSession(session: ProjectSession | null): { session?: ProjectSession } {
  return session === null ? {} : { session };
}
