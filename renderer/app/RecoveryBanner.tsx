/**
 * The offer to restore work a crashed session left behind. A banner, not a modal: the person
 * may open something else first and decide later; it stays until they restore or discard.
 */
import type { RecoveryOffer } from '../../shared/project/project-api';

interface RecoveryBannerProps {
  readonly offer: RecoveryOffer;
  readonly onRestore: () => void;
  readonly onDiscard: () => void;
}

export function RecoveryBanner({ offer, onRestore, onDiscard }: RecoveryBannerProps) {
  const when = new Date(offer.savedAt).toLocaleString();
  return (
    <div
      className="recovery-banner"
      role="region"
      aria-label="Recover work"
      data-testid="recovery-banner"
    >
      <span className="recovery-banner__text">
        FaceShop closed unexpectedly. Unsaved work on <strong>{offer.displayName}</strong> was kept
        ({when}).
      </span>
      <button
        type="button"
        className="recovery-banner__button recovery-banner__button--primary"
        onClick={onRestore}
      >
        Restore
      </button>
      <button type="button" className="recovery-banner__button" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}
