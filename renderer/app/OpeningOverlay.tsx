/**
 * While a photo or project takes longer than half a second to open (a 24 MP JPEG, a project
 * with large photos), a panel over the canvas says what is opening and for how long, so the
 * window never looks frozen. Quick opens show nothing but the status bar's line.
 */
import { useEffect, useState } from 'react';

/** How long an open may take before the overlay appears. */
export const OPENING_OVERLAY_DELAY_MS = 500;

interface OpeningOverlayProps {
  /** What is opening; null when nothing is. */
  readonly opening: { readonly fileName: string | null } | null;
}

export function OpeningOverlay({ opening }: OpeningOverlayProps) {
  const [elapsed, setElapsed] = useState<number | null>(null);
  useEffect(() => {
    if (opening === null) return undefined;
    const started = performance.now();
    const timer = setInterval(() => {
      const ms = performance.now() - started;
      setElapsed(ms >= OPENING_OVERLAY_DELAY_MS ? ms : null);
    }, 250);
    return () => {
      clearInterval(timer);
      setElapsed(null);
    };
  }, [opening]);
  if (opening === null || elapsed === null) return null;
  return (
    <div className="workspace__opening" role="status" data-testid="opening-overlay">
      <span className="spinner" aria-hidden="true" />
      <span>
        Opening {opening.fileName ?? 'the photo'}… {(elapsed / 1000).toFixed(1)} s
      </span>
    </div>
  );
}
