/**
 * The workspace's message at the top of the canvas: why a photo did not open, why a save failed,
 * a project's repair warnings. Like the notices it goes on its own — information after ~4 s, an
 * error after ~8 s (workspace/toast-timer.ts) — waits while the pointer or focus is on it, and
 * closes with its button or Escape while focused. A message marked `persistent` (the backend is
 * not connected: nothing works until it is) stays until dismissed.
 */
import { useEffect } from 'react';
import type { WorkspaceMessage } from '../workspace/workspace-state';
import { TOAST_DURATION_MS } from '../workspace/toast-timer';
import { emitAppEvent } from '../app-events/app-events';
import { useToastTimer } from './use-toast-timer';

interface MessageBannerProps {
  readonly message: WorkspaceMessage | null;
  readonly onDismiss: () => void;
}

export function MessageBanner({ message, onDismiss }: MessageBannerProps) {
  useEffect(() => {
    // Emitted after the message is rendered, so tests that wait for it find it on screen.
    if (message?.tone === 'error') {
      emitAppEvent('error-shown', { code: message.code ?? 'internal', message: message.text });
    }
  }, [message]);
  const duration = !message || message.persistent ? null : TOAST_DURATION_MS[message.tone];
  const handlers = useToastTimer(message, duration, onDismiss);

  if (!message) return null;
  return (
    <div
      className={`message-banner message-banner--${message.tone}`}
      role="alert"
      data-testid="message-banner"
      {...handlers}
    >
      <span className="message-banner__text">{message.text}</span>
      <button
        type="button"
        className="message-banner__dismiss"
        onClick={onDismiss}
        aria-label="Dismiss"
        title="Dismiss (Esc)"
      >
        ×
      </button>
    </div>
  );
}
