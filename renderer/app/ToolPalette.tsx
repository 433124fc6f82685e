/** The toolbox: one button per tool, grouped by what it works on, with its shortcut in the tooltip. */
import { Fragment } from 'react';
import { commands, TOOL_CATALOG, type Editor, type ToolId } from '../editor';
import { Icon } from './icons';
import { withShortcut } from './shortcut-label';

/** Tools after which a divider is drawn: mask, sketch, color, then the rest. */
const GROUP_ENDS: ReadonlySet<ToolId> = new Set(['mask-eraser', 'sketch-eraser', 'eraser']);

interface ToolPaletteProps {
  readonly editor: Editor | null;
  readonly tool: ToolId | null;
}

export function ToolPalette({ editor, tool }: ToolPaletteProps) {
  return (
    <nav className="tool-palette" role="toolbar" aria-orientation="vertical" aria-label="Tools">
      {TOOL_CATALOG.map((descriptor) => (
        <Fragment key={descriptor.id}>
          <button
            type="button"
            className="tool-button"
            data-tool={descriptor.id}
            aria-pressed={descriptor.id === tool}
            aria-label={descriptor.label}
            title={withShortcut(descriptor.label, descriptor.shortcuts)}
            disabled={editor === null}
            onClick={() => editor?.run(commands.selectTool, descriptor.id)}
          >
            <Icon name={descriptor.id} />
          </button>
          {GROUP_ENDS.has(descriptor.id) && <hr className="tool-palette__divider" />}
        </Fragment>
      ))}
    </nav>
  );
}
