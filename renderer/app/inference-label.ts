/**
 * The status bar's words for the inference runtime. The backend's provider message reads
 * "<why> — using <provider>." or "Using <provider>."; the bar leads with the provider, which is
 * what a person scans for, then the reason: "CPU — No GPU provider is available on this system".
 */
import type { InferenceStatus } from '../../shared/status/app-status';

export function inferenceLabel(status: InferenceStatus): string {
  switch (status.state) {
    case 'not-loaded':
      return 'Loading model…';
    case 'failed':
      return 'Model failed to load';
    case 'ready': {
      const message = status.message.trim();
      const because = /^(.*?)\s+—\s+using\s+(.+?)\.?$/.exec(message);
      if (because?.[1] && because[2]) return `${because[2]} — ${because[1]}`;
      const plain = /^Using\s+(.+?)\.?$/.exec(message);
      if (plain?.[1]) return plain[1];
      return message;
    }
  }
}
