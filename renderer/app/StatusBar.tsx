import type { WorkspaceState } from '../workspace/workspace-state';
import type { ModelStatus } from '../../shared/status/app-status';

interface StatusBarProps {
  readonly state: WorkspaceState;
}

export function StatusBar({ state }: StatusBarProps) {
  const { photo, opening, zoom, status } = state;
  return (
    <footer className="status-bar">
      <span className="status-bar__activity" data-testid="status-activity">
        {opening ? `Opening ${opening.fileName ?? 'photo'}…` : 'Ready'}
      </span>
      <span className="status-bar__photo" data-testid="status-photo-size">
        {photo ? `${photo.info.width} × ${photo.info.height} px` : 'No photo'}
      </span>
      <span className="status-bar__zoom" data-testid="status-zoom">
        {zoom === null ? '' : `${Math.round(zoom * 100)} %`}
      </span>
      <span
        className="status-bar__model"
        data-testid="status-model"
        title={status ? modelTooltip(status.model) : undefined}
      >
        {status ? modelLabel(status.model) : 'Connecting…'}
      </span>
      {status && <span className="status-bar__version">v{status.appVersion}</span>}
    </footer>
  );
}

function modelLabel(model: ModelStatus): string {
  switch (model.state) {
    case 'installed':
      return `Model: ${model.name} ${model.version}`;
    case 'not-installed':
      return 'Model not installed';
    case 'invalid':
      return 'Model damaged';
  }
}

function modelTooltip(model: ModelStatus): string {
  return model.state === 'installed'
    ? `Native resolution ${model.resolution ?? 'unknown'} px`
    : model.message;
}
