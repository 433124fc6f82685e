/**
 * A short notice at the bottom of the canvas: why a stroke was refused ("the Mask layer is
 * hidden"), why a button cannot act yet, what an export wrote. It goes on its own after a few
 * seconds (workspace/toast-timer.ts), waits while the pointer or focus is on it, and has a close
 * button (Escape too, while focused). It never takes focus, so it never interrupts the stroke
 * after it.
 */
import { TOAST_DURATION_MS } from '../workspace/toast-timer';
import { useToastTimer } from './use-toast-timer';

export interface Notice {
  readonly text: string;
  /** Increases with every notice, so the same text twice restarts the timer. */
  readonly serial: number;
}

interface ToastProps {
  readonly notice: Notice | null;
  readonly onExpire: () => void;
}

export function Toast({ notice, onExpire }: ToastProps) {
  const handlers = useToastTimer(notice, TOAST_DURATION_MS.info, onExpire);
  if (!notice) return null;
  return (
    <div className="toast" role="status" data-testid="toast" {...handlers}>
      <span className="toast__text">{capitalize(notice.text)}</span>
      <button
        type="button"
        className="toast__dismiss"
        aria-label="Dismiss"
        title="Dismiss (Esc)"
        onClick={onExpire}
      >
        ×
      </button>
    </div>
  );
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}
