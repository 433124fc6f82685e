/**
 * The toasts' countdown with a fake clock: how long information and errors stay, and what
 * pauses it (the pointer over the toast, focus in it, the window hidden).
 */
import { describe, expect, it } from 'vitest';
import {
  RESUME_GRACE_MS,
  TOAST_DURATION_MS,
  ToastTimer,
  type ToastClock,
} from '../../../renderer/workspace/toast-timer';

/** A clock the test moves by hand; timers fire as time passes them. */
function fakeClock() {
  let now = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: ToastClock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const handle = nextHandle++;
      timers.set(handle, { at: now + ms, callback });
      return handle;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = until;
  };
  return { clock, advance, pending: () => timers.size };
}

function setUp(durationMs: number) {
  const { clock, advance, pending } = fakeClock();
  let expired = 0;
  const timer = new ToastTimer(durationMs, () => (expired += 1), clock);
  return { timer, advance, pending, expired: () => expired };
}

describe('a toast’s countdown', () => {
  it('gives information about 4 s and errors twice as long', () => {
    expect(TOAST_DURATION_MS.info).toBe(4000);
    expect(TOAST_DURATION_MS.error).toBe(8000);
    expect(TOAST_DURATION_MS.error).toBeGreaterThan(TOAST_DURATION_MS.info);
  });

  it('expires once, when its time has passed', () => {
    const { timer, advance, expired } = setUp(TOAST_DURATION_MS.info);
    timer.start();
    advance(3999);
    expect(expired()).toBe(0);
    expect(timer.remainingMs).toBe(1);
    advance(1);
    expect(expired()).toBe(1);
    advance(60_000);
    expect(expired()).toBe(1);
    expect(timer.remainingMs).toBe(0);
  });

  it('does not count before it is started', () => {
    const { timer, advance, expired } = setUp(1000);
    advance(5000);
    expect(expired()).toBe(0);
    timer.start();
    advance(1000);
    expect(expired()).toBe(1);
  });

  it('waits while hovered and goes on from where it stopped', () => {
    const { timer, advance, expired } = setUp(TOAST_DURATION_MS.error);
    timer.start();
    advance(3000);
    timer.pause('hover');
    expect(timer.paused).toBe(true);
    advance(60_000);
    expect(expired()).toBe(0);
    expect(timer.remainingMs).toBe(5000);
    timer.resume('hover');
    advance(4999);
    expect(expired()).toBe(0);
    advance(1);
    expect(expired()).toBe(1);
  });

  it('leaves at least a grace period after a pause, so it does not vanish as the pointer leaves', () => {
    const { timer, advance, expired } = setUp(4000);
    timer.start();
    advance(3900);
    timer.pause('hover');
    advance(10_000);
    timer.resume('hover');
    expect(timer.remainingMs).toBe(RESUME_GRACE_MS);
    advance(RESUME_GRACE_MS - 1);
    expect(expired()).toBe(0);
    advance(1);
    expect(expired()).toBe(1);
  });

  it('needs every reason to end: hovered and focused, the pointer leaving is not enough', () => {
    const { timer, advance, expired } = setUp(4000);
    timer.start();
    timer.pause('hover');
    timer.pause('focus');
    timer.resume('hover');
    advance(60_000);
    expect(expired()).toBe(0);
    timer.resume('focus');
    advance(4000);
    expect(expired()).toBe(1);
  });

  it('ignores a reason given twice or ended without starting', () => {
    const { timer, advance, expired } = setUp(4000);
    timer.start();
    timer.resume('hover');
    advance(1000);
    timer.pause('hidden');
    timer.pause('hidden');
    advance(1000);
    timer.resume('hidden');
    expect(timer.remainingMs).toBe(3000);
    advance(3000);
    expect(expired()).toBe(1);
  });

  it('starts paused when paused before it started (a hidden window)', () => {
    const { timer, advance, expired } = setUp(4000);
    timer.pause('hidden');
    timer.start();
    advance(60_000);
    expect(expired()).toBe(0);
    timer.resume('hidden');
    advance(4000);
    expect(expired()).toBe(1);
  });

  it('never expires once disposed (dismissed, or replaced by the next toast)', () => {
    const { timer, advance, pending, expired } = setUp(4000);
    timer.start();
    advance(1000);
    timer.dispose();
    expect(pending()).toBe(0);
    timer.pause('hover');
    timer.resume('hover');
    advance(60_000);
    expect(expired()).toBe(0);
  });
});
