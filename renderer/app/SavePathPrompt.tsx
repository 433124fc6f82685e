/**
 * "Save As" where there is no native save dialog (the browser host): a small in-page form that
 * asks for the project file's full path on the machine running FaceShop's backend. The backend
 * adds `.faceshop` when it is missing and writes atomically, so a wrong folder fails cleanly.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { isAbsolutePathText } from '../../shared/export/export-api';

interface SavePathPromptProps {
  readonly initialPath: string;
  readonly busy: boolean;
  readonly onSave: (path: string) => void;
  readonly onCancel: () => void;
}

export function SavePathPrompt({ initialPath, busy, onSave, onCancel }: SavePathPromptProps) {
  const [path, setPath] = useState(initialPath);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const trimmed = path.trim();
  const absolute = isAbsolutePathText(trimmed);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (absolute && !busy) onSave(trimmed);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="save-prompt"
      role="dialog"
      aria-label="Save project as"
      data-testid="save-prompt"
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <label className="save-prompt__label" htmlFor="save-prompt-path">
        Save project as
      </label>
      <input
        ref={input}
        id="save-prompt-path"
        className="save-prompt__input"
        type="text"
        value={path}
        placeholder="/home/me/Pictures/portrait.faceshop"
        spellCheck={false}
        onChange={(event) => setPath(event.currentTarget.value)}
      />
      <p className="save-prompt__hint">
        This window has no save dialog: type the full path of the project file on this computer.
      </p>
      <div className="save-prompt__actions">
        <button type="button" className="toolbar__button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="toolbar__button save-prompt__save"
          disabled={!absolute || busy}
        >
          Save
        </button>
      </div>
    </form>
  );
}
