/**
 * How long a toast (a notice or a message banner) stays on screen, and the countdown that takes
 * it away. Plain TypeScript — no React, no DOM — so the timing is tested with a fake clock.
 *
 * The model is VS Code's and Signal's notifications: information goes after a few seconds, an
 * error stays twice as long (it usually asks the person to do something), and nothing counts
 * down while the person is looking at it: hovering it, focusing its close button, or the window
 * being in the background each pause the countdown ("pause reasons", any number at once). When
 * the last reason ends the countdown goes on from where it stopped, but never with less than
 * `RESUME_GRACE_MS` left, so a toast does not vanish the instant the pointer leaves it.
 */

export type ToastTone = 'info' | 'error';

/** Long enough to read a sentence twice; errors twice that. */
export const TOAST_DURATION_MS: Readonly<Record<ToastTone, number>> = {
  info: 4000,
  error: 8000,
};

/** The least time left after a pause ends. */
export const RESUME_GRACE_MS = 1500;

export type ToastPauseReason = 'hover' | 'focus' | 'hidden';

export interface ToastClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: ToastClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ToastTimer {
  private remaining: number;
  /** When the running countdown started (null while paused, not started or done). */
  private runningSince: number | null = null;
  private handle: unknown = null;
  private readonly pauses = new Set<ToastPauseReason>();
  private started = false;
  private finished = false;

  constructor(
    durationMs: number,
    private readonly onExpire: () => void,
    private readonly clock: ToastClock = systemClock,
  ) {
    this.remaining = durationMs;
  }

  /** Starts counting down, unless something already paused it. */
  start(): void {
    if (this.started || this.finished) return;
    this.started = true;
    if (this.pauses.size === 0) this.run();
  }

  pause(reason: ToastPauseReason): void {
    if (this.finished || this.pauses.has(reason)) return;
    this.pauses.add(reason);
    if (this.runningSince === null) return;
    this.remaining -= this.clock.now() - this.runningSince;
    this.runningSince = null;
    this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  resume(reason: ToastPauseReason): void {
    if (this.finished || !this.pauses.delete(reason)) return;
    if (this.pauses.size > 0 || !this.started) return;
    this.remaining = Math.max(this.remaining, RESUME_GRACE_MS);
    this.run();
  }

  get paused(): boolean {
    return this.pauses.size > 0;
  }

  /** Time left on the countdown, as of now. */
  get remainingMs(): number {
    if (this.finished) return 0;
    const elapsed = this.runningSince === null ? 0 : this.clock.now() - this.runningSince;
    return Math.max(0, this.remaining - elapsed);
  }

  /** Stops for good without expiring (the toast was dismissed or replaced). */
  dispose(): void {
    this.finished = true;
    this.runningSince = null;
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private run(): void {
    this.runningSince = this.clock.now();
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      this.runningSince = null;
      this.finished = true;
      this.onExpire();
    }, this.remaining);
  }
}
