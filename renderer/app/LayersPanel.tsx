/**
 * The layers panel, top of the stack first: the synthesized result, the document's layers, and
 * the photo at the bottom. The result row holds the ways of looking at it — its opacity, the
 * before/after button (or hold `\`) — and the switch that hides every stroke overlay so the
 * result can be judged on its own.
 */
import type { OpenedPhoto } from '../../shared/photo/photo';
import { commands, type Editor, type EditorState } from '../editor';
import type { SynthesisStatus } from '../synthesis/synthesis-client';
import { useState } from 'react';
import { Icon } from './icons';
import { PanelCollapseButton } from './PanelCollapseButton';
import { LayerRow } from './LayerRow';

interface LayersPanelProps {
  readonly photo: OpenedPhoto | null;
  readonly editor: Editor | null;
  readonly state: EditorState | null;
  readonly synthesis: SynthesisStatus;
  readonly strokesVisible: boolean;
  readonly onStrokesVisibleChange: (visible: boolean) => void;
}

export function LayersPanel(props: LayersPanelProps) {
  const { photo, editor, state } = props;
  const [collapsed, setCollapsed] = useState(false);
  return (
    <section className="layers-panel" aria-label="Layers" data-collapsed={collapsed}>
      <h2 className="panel-title">
        <span className="panel-title__name">
          <PanelCollapseButton
            panel="Layers"
            collapsed={collapsed}
            onToggle={() => setCollapsed(!collapsed)}
          />
          Layers
        </span>
        {editor && (
          <button
            type="button"
            className="panel-title__action"
            aria-pressed={props.strokesVisible}
            title="Show or hide the stroke overlays (display only)"
            onClick={() => props.onStrokesVisibleChange(!props.strokesVisible)}
          >
            <Icon name={props.strokesVisible ? 'visible' : 'hidden'} />
            Strokes
          </button>
        )}
      </h2>
      {!photo || !editor || !state ? (
        <p className="layers-panel__empty">No layers yet. Open a photo to begin.</p>
      ) : (
        <ul className="layers-panel__list">
          <ResultRow editor={editor} state={state} synthesis={props.synthesis} />
          {[...state.document.layers].reverse().map((layer) => (
            <LayerRow
              key={layer.id}
              editor={editor}
              layer={layer}
              active={layer.id === state.session.activeLayerId}
            />
          ))}
          <li className="layer-row layer-row--photo" data-layer-kind="photo">
            <span className="layer-row__name">{photo.info.fileName}</span>
            <span className="layer-row__detail">
              {photo.info.width} × {photo.info.height} px · {photo.info.format.toUpperCase()}
            </span>
          </li>
        </ul>
      )}
    </section>
  );
}

interface ResultRowProps {
  readonly editor: Editor;
  readonly state: EditorState;
  readonly synthesis: SynthesisStatus;
}

function ResultRow({ editor, state, synthesis }: ResultRowProps) {
  const { result, resultOpacity, showingOriginal } = state.session;
  const opacity = Math.round(resultOpacity * 100);
  const detail = synthesis.running
    ? 'updating…'
    : result
      ? result.revision === editor.revision
        ? 'up to date'
        : 'out of date'
      : 'none yet';
  const hold = (showing: boolean) => editor.run(commands.showOriginal, showing);
  return (
    <li className="layer-row layer-row--result" data-layer-kind="result">
      <div className="layer-row__main">
        <span className="layer-row__name">Result</span>
        <span className="layer-row__detail" data-testid="result-detail">
          {detail}
        </span>
        <button
          type="button"
          className="toolbar__button layer-row__before"
          aria-pressed={showingOriginal}
          title="Hold to see the photo before the edit (or hold \)"
          onPointerDown={() => hold(true)}
          onPointerUp={() => hold(false)}
          onPointerLeave={() => {
            if (showingOriginal) hold(false);
          }}
        >
          Before
        </button>
      </div>
      <label className="layer-row__opacity">
        <span className="visually-hidden">Result opacity</span>
        <input
          type="range"
          min={0}
          max={100}
          value={opacity}
          data-testid="result-opacity"
          onChange={(event) =>
            editor.run(commands.setResultOpacity, event.currentTarget.valueAsNumber / 100)
          }
        />
        <span className="layer-row__percent">{opacity} %</span>
      </label>
    </li>
  );
}
