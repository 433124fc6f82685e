/**
 * React's side of a toast's countdown (workspace/toast-timer.ts): one timer per toast shown
 * (`identity` changes when a new one replaces it), paused while the pointer is over it, while
 * focus is inside it, and while the window is in the background. Returns the handlers to spread
 * on the toast's element.
 */
import {
  useEffect,
  useEffectEvent,
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
  const expire = useEffectEvent(onDismiss);
  // What holds the countdown now. Only the window's being hidden carries over to the next
  // toast: a toast removed under the pointer or with focus inside gets no leave or blur event,
  // and a new one must not wait for one that never comes.
  const [pauses] = useState(() => new Set<ToastPauseReason>());
  const timer = useRef<ToastTimer | null>(null);
  const [control] = useState(() => ({
    pause(reason: ToastPauseReason) {
      pauses.add(reason);
      timer.current?.pause(reason);
    },
    resume(reason: ToastPauseReason) {
      pauses.delete(reason);
      timer.current?.resume(reason);
    },
  }));

  useEffect(() => {
    if (identity === null || identity === undefined || durationMs === null) return;
    pauses.delete('hover');
    pauses.delete('focus');
    const current = new ToastTimer(durationMs, () => expire());
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
      if (document.visibilityState === 'hidden') control.pause('hidden');
      else control.resume('hidden');
    };
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [control]);

  return {
    onPointerEnter: () => control.pause('hover'),
    onPointerLeave: () => control.resume('hover'),
    onFocus: () => control.pause('focus'),
    onBlur: (event) => {
      if (!event.currentTarget.contains(event.relatedTarget)) {
        control.resume('focus');
      }
    },
    onKeyDown: (event) => {
      if (event.key !== 'Escape') return;
      // Not the editor's Escape too (it drops a selection or cancels a stroke).
      event.stopPropagation();
      event.preventDefault();
      onDismiss();
    },
  };
}
