/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it and
 * the page behind is inert, so the editor's shortcuts cannot fire underneath.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import '../styles/dialogs.css';

interface ModalDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly wide?: boolean;
}

export function ModalDialog({ title, testId, onClose, children, footer, wide }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'modal modal--wide' : 'modal'}
      aria-label={title}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: close through React state, not behind its back.
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="modal__header">
        <h2 className="modal__title">{title}</h2>
        <button type="button" className="modal__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal__body">{children}</div>
      {footer && <footer className="modal__footer">{footer}</footer>}
    </dialog>
  );
}
