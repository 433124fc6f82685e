/**
 * A short notice at the bottom of the canvas: why a stroke was refused ("the Mask layer is
 * hidden"), or why a button cannot act yet. It fades on its own and never takes focus, so it
 * never interrupts the stroke after it.
 */
import { useEffect } from 'react';

export interface Notice {
  readonly text: string;
  /** Increases with every notice, so the same text twice restarts the timer. */
  readonly serial: number;
}

const VISIBLE_MS = 3500;

interface ToastProps {
  readonly notice: Notice | null;
  readonly onExpire: () => void;
}

export function Toast({ notice, onExpire }: ToastProps) {
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(onExpire, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, onExpire]);

  if (!notice) return null;
  return (
    <div className="toast" role="status" data-testid="toast">
      {capitalize(notice.text)}
    </div>
  );
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}
