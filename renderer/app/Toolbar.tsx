/**
 * The bar along the top: opening photos and projects, saving, the document's title with its
 * unsaved-changes mark, the current tool's options (brush size, color), and the actions on the
 * edit as a whole (undo, redo, a new variation, apply, fit to screen).
 */
import { commands, type Editor, type EditorState } from '../editor';
import { workspaceCommands } from '../workspace/commands';
import { BrushSizeControl } from './BrushSizeControl';
import { ColorControl } from './ColorControl';
import { Icon, type IconName } from './icons';
import { withShortcut } from './shortcut-label';

const APPLY_LABEL = 'Apply: bake the result into the photo and keep editing on top of it';

export interface ApplyControl {
  /** Why Apply cannot run now (said when the button is pressed), or null when it can. */
  readonly unavailable: string | null;
  readonly applying: boolean;
  readonly run: () => void;
}

export interface DocumentTitle {
  readonly name: string;
  readonly unsaved: boolean;
}

interface ToolbarProps {
  readonly busy: boolean;
  readonly onCommand: (commandId: string) => void;
  readonly editor: Editor | null;
  readonly state: EditorState | null;
  readonly title: DocumentTitle | null;
  readonly apply: ApplyControl;
  /** Explains why a button that looks available cannot act (Apply without a current result). */
  readonly onNotice: (text: string) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { busy, onCommand, editor, state, title, apply, onNotice } = props;
  const commandButton = (id: string, needsDocument: boolean) => {
    const command = workspaceCommands.get(id);
    if (!command) return null;
    return (
      <button
        type="button"
        className="toolbar__button"
        onClick={() => onCommand(command.id)}
        disabled={busy || (needsDocument && editor === null)}
        title={withShortcut(command.label, command.shortcut ? [command.shortcut] : [])}
      >
        {command.label}
      </button>
    );
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="Workspace">
      <span className="toolbar__brand">FaceShop</span>
      {commandButton('file.open', false)}
      {commandButton('file.openProject', false)}
      {commandButton('file.save', true)}
      {commandButton('file.saveAs', true)}
      {commandButton('file.export', true)}
      {title && (
        <span className="toolbar__title" data-testid="document-title" title={title.name}>
          <span className="toolbar__title-name">{title.name}</span>
          {title.unsaved && (
            <span
              className="toolbar__unsaved"
              data-testid="unsaved-mark"
              aria-label="unsaved changes"
              title="Unsaved changes"
            >
              •
            </span>
          )}
        </span>
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
            text={apply.applying ? 'Applying…' : 'Apply'}
            label={
              apply.unavailable === null ? APPLY_LABEL : `${APPLY_LABEL} (${apply.unavailable})`
            }
            busy={apply.applying}
            unavailable={apply.unavailable !== null}
            onClick={() => (apply.unavailable === null ? apply.run() : onNotice(apply.unavailable))}
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
  /** Working: a spinner instead of the icon. */
  readonly busy?: boolean;
  readonly onClick?: () => void;
}

function ActionButton(props: ActionButtonProps) {
  const { icon, label, text, disabled = false, unavailable = false, busy = false, onClick } = props;
  return (
    <button
      type="button"
      className={text ? 'toolbar__button toolbar__button--with-icon' : 'toolbar__icon-button'}
      title={label}
      aria-label={text ?? label}
      disabled={disabled}
      aria-disabled={unavailable || undefined}
      aria-busy={busy || undefined}
      onClick={onClick}
    >
      {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name={icon} />}
      {text && <span>{text}</span>}
    </button>
  );
}
