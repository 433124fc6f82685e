import { describeShortcut } from '../workspace/commands/shortcut';
import { workspaceCommands } from '../workspace/commands';
import { isMac } from './platform';

interface ToolbarProps {
  readonly busy: boolean;
  readonly onCommand: (commandId: string) => void;
}

export function Toolbar({ busy, onCommand }: ToolbarProps) {
  const open = workspaceCommands.get('file.open');
  return (
    <header className="toolbar" role="toolbar" aria-label="Workspace">
      <span className="toolbar__brand">FaceShop</span>
      {open && (
        <button
          type="button"
          className="toolbar__button"
          onClick={() => onCommand(open.id)}
          disabled={busy}
          title={
            open.shortcut ? `${open.label} (${describeShortcut(open.shortcut, isMac)})` : open.label
          }
        >
          {open.label}
        </button>
      )}
    </header>
  );
}
