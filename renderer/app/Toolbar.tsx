/**
 * The bar along the top: opening photos and projects, saving, the document's title with its
 * unsaved-changes mark, the current tool's options (brush size, color, recent colors), and at
 * the right end the actions on the edit as a whole (ToolbarActions.tsx).
 *
 * When the window is too narrow for everything, items move into a "More" menu, the least needed
 * first (the brand, Export, Save As, …; toolbar-fit.ts), so Apply and fit to screen never leave
 * the screen. The row is measured after each render and on resize (toolbar-overflow.ts).
 */
import { useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Editor, EditorState } from '../editor';
import { workspaceCommands } from '../workspace/commands';
import { describeShortcut } from '../workspace/commands/shortcut';
import { BrushSizeControl } from './BrushSizeControl';
import { ColorControl, RecentColors } from './ColorControl';
import { MoreMenu } from './MoreMenu';
import { isMac } from './platform';
import { withShortcut } from './shortcut-label';
import { ToolbarOverflow } from './toolbar-overflow';
import { ToolbarActions, type ApplyControl } from './ToolbarActions';

export type { ApplyControl } from './ToolbarActions';

export interface DocumentTitle {
  readonly name: string;
  readonly unsaved: boolean;
}

/** Which items give way first when the window is narrow (lowest first). */
const ITEM_PRIORITIES: ReadonlyMap<string, number> = new Map([
  ['brand', 0],
  ['file.export', 1],
  ['file.saveAs', 2],
  ['file.openProject', 3],
  ['file.save', 4],
  ['file.open', 5],
  ['recent-colors', 6],
  ['brush-size', 7],
  ['color', 8],
]);

interface ToolbarProps {
  readonly busy: boolean;
  readonly onCommand: (commandId: string) => void;
  readonly editor: Editor | null;
  readonly state: EditorState | null;
  readonly title: DocumentTitle | null;
  readonly apply: ApplyControl;
  readonly onNotice: (text: string) => void;
}

/** One entry of the row: an item that may move into the menu, or something that stays. */
type RowEntry =
  | { readonly id: string; readonly inline: ReactNode; readonly inMenu: ReactNode }
  | { readonly id: string; readonly fixed: ReactNode };

export function Toolbar(props: ToolbarProps) {
  const { busy, onCommand, editor, state, title } = props;
  const [overflow] = useState(() => new ToolbarOverflow(ITEM_PRIORITIES));
  const hidden = useSyncExternalStore(overflow.subscribe, overflow.hiddenItems);
  const rowRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    overflow.attach(rowRef.current);
    return () => overflow.attach(null);
  }, [overflow]);
  // After every render: the items' widths change with the document (recent colors, the title).
  useLayoutEffect(() => overflow.update());

  const command = (id: string, needsDocument: boolean): RowEntry | null => {
    const entry = workspaceCommands.get(id);
    if (!entry) return null;
    const disabled = busy || (needsDocument && editor === null);
    const run = () => onCommand(entry.id);
    return {
      id,
      inline: (
        <button
          type="button"
          className="toolbar__button"
          onClick={run}
          disabled={disabled}
          title={withShortcut(entry.label, entry.shortcut ? [entry.shortcut] : [])}
        >
          {entry.label}
        </button>
      ),
      inMenu: (
        <button
          type="button"
          className="more-menu__item"
          data-closes-menu=""
          onClick={run}
          disabled={disabled}
        >
          <span>{entry.label}</span>
          {entry.shortcut && (
            <span className="more-menu__shortcut">{describeShortcut(entry.shortcut, isMac)}</span>
          )}
        </button>
      ),
    };
  };

  const row: (RowEntry | null)[] = [
    { id: 'brand', inline: <span className="toolbar__brand">FaceShop</span>, inMenu: null },
    command('file.open', false),
    command('file.openProject', false),
    command('file.save', true),
    command('file.saveAs', true),
    command('file.export', true),
    title && { id: 'title', fixed: <TitleLabel key="title" title={title} /> },
  ];
  if (editor && state) {
    const control = (id: string, node: ReactNode): RowEntry => ({
      id,
      inline: node,
      inMenu: <div className="more-menu__control">{node}</div>,
    });
    row.push(
      { id: 'divider', fixed: <span key="divider" className="toolbar__divider" /> },
      control('brush-size', <BrushSizeControl editor={editor} state={state} />),
      control('color', <ColorControl editor={editor} state={state} />),
    );
    if (state.session.recentColors.length > 0) {
      row.push(control('recent-colors', <RecentColors editor={editor} state={state} />));
    }
  }
  const entries = row.filter((entry) => entry !== null);
  const inMenu = entries.filter(
    (entry) => 'inMenu' in entry && hidden.has(entry.id) && entry.inMenu !== null,
  );

  return (
    <header className="toolbar" role="toolbar" aria-label="Workspace">
      <div className="toolbar__row" ref={rowRef} data-testid="toolbar-row">
        {entries.map((entry) =>
          'fixed' in entry ? (
            entry.fixed
          ) : hidden.has(entry.id) ? null : (
            <span key={entry.id} className="toolbar__item" data-overflow-id={entry.id}>
              {entry.inline}
            </span>
          ),
        )}
        {inMenu.length > 0 && (
          <MoreMenu>
            {inMenu.map((entry) => (
              <div key={entry.id} className="more-menu__entry">
                {'inMenu' in entry && entry.inMenu}
              </div>
            ))}
          </MoreMenu>
        )}
      </div>
      {editor && state && (
        <ToolbarActions editor={editor} apply={props.apply} onNotice={props.onNotice} />
      )}
    </header>
  );
}

function TitleLabel({ title }: { readonly title: DocumentTitle }) {
  return (
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
  );
}
