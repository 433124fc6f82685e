/**
 * React's side of a toast's countdown (workspace/toast-timer.ts): one timer per toast shown
 * (`identity` changes when a new one replaces it), paused while the pointer is over it, while
 * focus is inside it, and while the window is in the background. Returns the handlers to spread
 * on the toast's element.
 */
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { ToastTimer, type ToastPauseReason } from '../workspace/toast-timer';

export interface ToastHandlers {
  readonly onPointerEnter: () => void;
  readonly onPointerLeave: () => void;
  readonly onFocus: () => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
  /** Escape while focus is inside the toast dismisses it (and goes no further). */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * `durationMs` null: the toast stays until dismissed. `onDismiss` is called on expiry and on
 * Escape.
 */
export function useToastTimer(
  identity: unknown,
  durationMs: number | null,
  onDismiss: () => void,
): ToastHandlers {
  const dismiss = useEffectEvent(onDismiss);
  // The timer lives in state set by the effect's owner only through the ref below; the
  // reasons that hold now carry over to the next toast (the pointer may still be over it).
  const [pauses] = useState(() => new Set<ToastPauseReason>());
  const timer = useRef<ToastTimer | null>(null);

  useEffect(() => {
    if (identity === null || identity === undefined || durationMs === null) return;
    const current = new ToastTimer(durationMs, () => dismiss());
    for (const reason of pauses) current.pause(reason);
    timer.current = current;
    current.start();
    return () => {
      current.dispose();
      if (timer.current === current) timer.current = null;
    };
  }, [identity, durationMs, pauses]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') pause('hidden');
      else resume('hidden');
    };
    const pause = (reason: ToastPauseReason) => {
      pauses.add(reason);
      timer.current?.pause(reason);
    };
    const resume = (reason: ToastPauseReason) => {
      pauses.delete(reason);
      timer.current?.resume(reason);
    };
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [pauses]);

  return useMemo((): ToastHandlers => {
    const pause = (reason: ToastPauseReason) => {
      pauses.add(reason);
      timer.current?.pause(reason);
    };
    const resume = (reason: ToastPauseReason) => {
      pauses.delete(reason);
      timer.current?.resume(reason);
    };
    return {
      onPointerEnter: () => pause('hover'),
      onPointerLeave: () => resume('hover'),
      onFocus: () => pause('focus'),
      onBlur: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) resume('focus');
      },
      onKeyDown: (event) => {
        if (event.key !== 'Escape') return;
        // Not the editor's Escape too (it drops a selection or cancels a stroke).
        event.stopPropagation();
        event.preventDefault();
        pauses.delete('focus');
        dismiss();
      },
    };
  }, [pauses]);
}
