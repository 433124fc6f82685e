import type { LayerSummary } from '../workspace/layers';

interface LayersPanelProps {
  readonly layers: readonly LayerSummary[];
}

export function LayersPanel({ layers }: LayersPanelProps) {
  return (
    <aside className="layers-panel" aria-label="Layers">
      <h2 className="panel-title">Layers</h2>
      {layers.length === 0 ? (
        <p className="layers-panel__empty">No layers yet. Open a photo to begin.</p>
      ) : (
        <ul className="layers-panel__list">
          {layers.map((layer) => (
            <li key={layer.id} className="layer-row" data-layer-kind={layer.kind}>
              <span className="layer-row__name">{layer.name}</span>
              <span className="layer-row__detail">{layer.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
