/**
 * The toolbar's right end: the actions on the edit as a whole (undo, redo, a new variation,
 * Apply, fit to screen). They never move into the More menu — Apply and fit to screen must stay
 * on screen at any window size — so the bar's other items give way to them.
 */
import { commands, type Editor } from '../editor';
import { Icon, type IconName } from './icons';
import { catalogShortcut, withShortcut } from './shortcut-label';

const APPLY_LABEL = 'Apply: bake the result into the photo and keep editing on top of it';

export interface ApplyControl {
  /** Why Apply cannot run now (said when the button is pressed), or null when it can. */
  readonly unavailable: string | null;
  readonly applying: boolean;
  readonly run: () => void;
}

interface ToolbarActionsProps {
  readonly editor: Editor;
  readonly apply: ApplyControl;
  /** Explains why a button that looks available cannot act (Apply without a current result). */
  readonly onNotice: (text: string) => void;
}

export function ToolbarActions({ editor, apply, onNotice }: ToolbarActionsProps) {
  return (
    <div className="toolbar__actions" data-testid="toolbar-actions">
      <ActionButton
        icon="undo"
        label={withShortcut('Undo', catalogShortcut('edit.undo'))}
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
        label={apply.unavailable === null ? APPLY_LABEL : `${APPLY_LABEL} (${apply.unavailable})`}
        busy={apply.applying}
        unavailable={apply.unavailable !== null}
        onClick={() => (apply.unavailable === null ? apply.run() : onNotice(apply.unavailable))}
      />
      <ActionButton
        icon="fit"
        label={withShortcut('Fit to screen', catalogShortcut('view.fit'))}
        onClick={() => editor.run(commands.fitToScreen, undefined)}
      />
    </div>
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
