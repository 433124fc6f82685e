import { useEffect } from 'react';
import type { WorkspaceMessage } from '../workspace/workspace-state';
import { emitAppEvent } from '../testing/app-events';

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

  if (!message) return null;
  return (
    <div className={`message-banner message-banner--${message.tone}`} role="alert">
      <span className="message-banner__text">{message.text}</span>
      <button
        type="button"
        className="message-banner__dismiss"
        onClick={onDismiss}
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  );
}
