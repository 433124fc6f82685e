/**
 * The status bar: what the app is doing (opening, synthesizing — a quiet spinner, never a
 * blocking one), the photo's size, the zoom, the last synthesis round trip, and the model. A
 * synthesis error shows here in words and stays until the next request succeeds; editing goes on.
 */
import type { ModelStatus } from '../../shared/status/app-status';
import type { EditorState } from '../editor';
import { inferenceLabel } from './inference-label';
import type { SynthesisStatus } from '../synthesis/synthesis-client';
import type { WorkspaceState } from '../workspace/workspace-state';

interface StatusBarProps {
  readonly state: WorkspaceState;
  readonly editorState: EditorState | null;
  readonly synthesis: SynthesisStatus;
}

export function StatusBar({ state, editorState, synthesis }: StatusBarProps) {
  const { photo, opening, status, busy } = state;
  const zoom = editorState?.session.viewSize ? editorState.session.viewport.zoom : null;
  return (
    <footer className="status-bar">
      <span className="status-bar__activity" data-testid="status-activity">
        {opening ? (
          <span className="status-bar__busy" data-testid="opening-busy">
            <span className="spinner" aria-hidden="true" />
            {`Opening ${opening.fileName ?? 'photo'}…`}
          </span>
        ) : busy ? (
          <span className="status-bar__busy" data-testid="workspace-busy">
            <span className="spinner" aria-hidden="true" />
            {busy}
          </span>
        ) : synthesis.running ? (
          <span className="status-bar__busy" data-testid="synthesis-busy">
            <span className="spinner" aria-hidden="true" />
            Synthesizing…
          </span>
        ) : synthesis.error ? (
          <span
            className="status-bar__error"
            data-testid="synthesis-error"
            title={synthesis.error.message}
          >
            {synthesis.error.message}
          </span>
        ) : (
          'Ready'
        )}
      </span>
      {synthesis.lastRoundTripMs !== null && (
        <span
          className="status-bar__timing"
          data-testid="status-timing"
          title={
            synthesis.lastInferenceMs === null
              ? undefined
              : `Inference ${Math.round(synthesis.lastInferenceMs)} ms`
          }
        >
          Result in {Math.round(synthesis.lastRoundTripMs)} ms
        </span>
      )}
      <span className="status-bar__photo" data-testid="status-photo-size">
        {photo ? `${photo.info.width} × ${photo.info.height} px` : 'No photo'}
      </span>
      <span className="status-bar__zoom" data-testid="status-zoom">
        {zoom === null ? '' : `${Math.round(zoom * 100)} %`}
      </span>
      {status?.inference && (
        <span
          className="status-bar__inference"
          data-testid="status-inference"
          data-inference-state={status.inference.state}
          title={[status.inference.message, status.inference.refiner].filter(Boolean).join('\n')}
        >
          {inferenceLabel(status.inference)}
        </span>
      )}
      <span
        className="status-bar__model"
        data-testid="status-model"
        data-model-state={status?.model.state}
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
