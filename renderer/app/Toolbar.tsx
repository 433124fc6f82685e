/**
 * The bar along the top: opening photos, the current tool's options (brush size, color), and
 * the actions on the edit as a whole (undo, redo, a new variation, apply, fit to screen).
 */
import { commands, type Editor, type EditorState } from '../editor';
import { workspaceCommands } from '../workspace/commands';
import { BrushSizeControl } from './BrushSizeControl';
import { ColorControl } from './ColorControl';
import { Icon, type IconName } from './icons';
import { withShortcut } from './shortcut-label';

/** Until the backend can bake a result into a new full-resolution photo (see the report). */
export const APPLY_UNAVAILABLE =
  'Apply is not available yet: baking the result into the full-resolution photo needs a backend step that is still to come.';

interface ToolbarProps {
  readonly busy: boolean;
  readonly onCommand: (commandId: string) => void;
  readonly editor: Editor | null;
  readonly state: EditorState | null;
  /** Explains why a button that looks available cannot act (Apply, for now). */
  readonly onNotice: (text: string) => void;
}

export function Toolbar({ busy, onCommand, editor, state, onNotice }: ToolbarProps) {
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
          title={withShortcut(open.label, open.shortcut ? [open.shortcut] : [])}
        >
          {open.label}
        </button>
      )}
      {editor && state && (
        <>
          <span className="toolbar__divider" />
          <BrushSizeControl editor={editor} state={state} />
          <ColorControl editor={editor} state={state} />
          <span className="toolbar__spacer" />
          <ActionButton
            icon="undo"
            label={withShortcut('Undo', ['Mod+Z'])}
            disabled={!editor.canUndo}
            onClick={() => editor.undo()}
          />
          <ActionButton
            icon="redo"
            label={withShortcut('Redo', ['Mod+Shift+Z', 'Ctrl+Y'])}
            disabled={!editor.canRedo}
            onClick={() => editor.redo()}
          />
          <span className="toolbar__divider" />
          <ActionButton
            icon="variation"
            text="Variation"
            label="Variation: render the same strokes with new noise"
            onClick={() => editor.run(commands.newSeed, undefined)}
          />
          <ActionButton
            icon="apply"
            text="Apply"
            label={APPLY_UNAVAILABLE}
            unavailable
            onClick={() => onNotice(APPLY_UNAVAILABLE)}
          />
          <ActionButton
            icon="fit"
            label={withShortcut('Fit to screen', ['Mod+0'])}
            onClick={() => editor.run(commands.fitToScreen, undefined)}
          />
        </>
      )}
    </header>
  );
}

interface ActionButtonProps {
  readonly icon: IconName;
  readonly label: string;
  readonly text?: string;
  readonly disabled?: boolean;
  /** Looks disabled but still takes clicks, to say why it cannot act (a disabled button cannot). */
  readonly unavailable?: boolean;
  readonly onClick?: () => void;
}

function ActionButton(props: ActionButtonProps) {
  const { icon, label, text, disabled = false, unavailable = false, onClick } = props;
  return (
    <button
      type="button"
      className={text ? 'toolbar__button toolbar__button--with-icon' : 'toolbar__icon-button'}
      title={label}
      aria-label={text ?? label}
      disabled={disabled}
      aria-disabled={unavailable || undefined}
      onClick={onClick}
    >
      <Icon name={icon} />
      {text && <span>{text}</span>}
    </button>
  );
}
