/**
 * The chevron at the start of a side panel's title that folds the panel to its title, so the
 * person chooses which panels take the column's height (History keeps a usable minimum either
 * way). The panel marks itself `data-collapsed`; app.css hides everything but the title.
 */
interface PanelCollapseButtonProps {
  readonly panel: string;
  readonly collapsed: boolean;
  readonly onToggle: () => void;
}

export function PanelCollapseButton({ panel, collapsed, onToggle }: PanelCollapseButtonProps) {
  return (
    <button
      type="button"
      className="panel-title__collapse"
      aria-expanded={!collapsed}
      aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${panel}`}
      title={`${collapsed ? 'Show' : 'Fold'} the ${panel} panel`}
      onClick={onToggle}
    >
      <span className="panel-title__chevron" aria-hidden="true">
        {collapsed ? '▸' : '▾'}
      </span>
    </button>
  );
}
