/**
 * The toolbar's "More" button and the panel it opens: the toolbar items that did not fit the
 * window (toolbar-overflow.ts chooses them), in their usual order. Closes on Escape, on a click
 * outside, and after a command in it runs; the brush size and colour controls keep it open
 * while they are used.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** The panel's max-width in app.css. */
const PANEL_WIDTH = 320;

interface MoreMenuProps {
  readonly children: ReactNode;
}

interface Anchor {
  readonly top: number;
  readonly left: number;
}

export function MoreMenu({ children }: MoreMenuProps) {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const open = anchor !== null;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (panel.current?.contains(target) || button.current?.contains(target)) return;
      setAnchor(null);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  const close = (refocus: boolean) => {
    setAnchor(null);
    if (refocus) button.current?.focus();
  };

  return (
    <span className="more-menu" data-overflow-more="">
      <button
        ref={button}
        type="button"
        className="toolbar__button more-menu__button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="toolbar-more"
        title="More: what the window is too narrow to show"
        onClick={(event) => {
          if (open) return close(false);
          const rect = event.currentTarget.getBoundingClientRect();
          // Kept inside the window: the panel is at most PANEL_WIDTH wide (app.css).
          const left = Math.max(8, Math.min(rect.left, window.innerWidth - PANEL_WIDTH - 8));
          setAnchor({ top: rect.bottom + 4, left });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            close(true);
          }
        }}
      >
        More ▾
      </button>
      {anchor && (
        <div
          ref={panel}
          id={panelId}
          className="more-menu__panel"
          role="group"
          aria-label="More"
          data-testid="toolbar-more-panel"
          style={{ top: anchor.top, left: anchor.left }}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            // The menu's Escape, not the editor's.
            event.stopPropagation();
            close(true);
          }}
          onClick={(event) => {
            // A command chosen in the menu closes it; the controls in it do not.
            if ((event.target as Element).closest('[data-closes-menu]')) close(false);
          }}
        >
          {children}
        </div>
      )}
    </span>
  );
}
