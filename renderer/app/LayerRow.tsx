/**
 * One layer in the layers panel: click to make it active, double-click the name to rename it,
 * and its switches — visibility, lock, display opacity — plus clearing its strokes. Every change
 * goes through an editor command, so each is an undo step with the policy the command declares.
 */
import { useRef, useState } from 'react';
import type { Layer } from '../../shared/document';
import { commands, type Editor } from '../editor';
import { Icon } from './icons';
import { contentCount, describeContent } from './layer-summary';

interface LayerRowProps {
  readonly editor: Editor;
  readonly layer: Layer;
  readonly active: boolean;
}

export function LayerRow({ editor, layer, active }: LayerRowProps) {
  const [renaming, setRenaming] = useState(false);
  // A slider drag is one undo step: the first value records, the rest merge into it.
  const dragging = useRef(false);
  const firstOfDrag = useRef(true);
  const empty = contentCount(layer) === 0;
  const opacity = Math.round(layer.opacity * 100);

  return (
    <li
      className="layer-row"
      data-layer-kind={layer.kind}
      data-layer-id={layer.id}
      aria-current={active || undefined}
      onClick={() => editor.run(commands.setActiveLayer, layer.id)}
    >
      <div className="layer-row__main">
        <button
          type="button"
          className="icon-toggle"
          aria-pressed={layer.visible}
          aria-label={`${layer.visible ? 'Hide' : 'Show'} ${layer.name}`}
          title={layer.visible ? 'Hide (the network stops seeing it)' : 'Show'}
          onClick={(event) => {
            event.stopPropagation();
            editor.run(commands.setLayerVisibility, { layerId: layer.id, visible: !layer.visible });
          }}
        >
          <Icon name={layer.visible ? 'visible' : 'hidden'} />
        </button>
        {renaming ? (
          <input
            className="layer-row__rename"
            defaultValue={layer.name}
            aria-label="Layer name"
            autoFocus
            onClick={(event) => event.stopPropagation()}
            onBlur={() => setRenaming(false)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                editor.run(commands.renameLayer, {
                  layerId: layer.id,
                  name: event.currentTarget.value,
                });
                setRenaming(false);
              } else if (event.key === 'Escape') {
                setRenaming(false);
              }
            }}
          />
        ) : (
          <span
            className="layer-row__name"
            title="Double-click to rename"
            onDoubleClick={() => setRenaming(true)}
          >
            {layer.name}
          </span>
        )}
        <span className="layer-row__detail" data-testid={`layer-count-${layer.kind}`}>
          {describeContent(layer)}
        </span>
        <button
          type="button"
          className="icon-toggle"
          aria-pressed={layer.locked}
          aria-label={`${layer.locked ? 'Unlock' : 'Lock'} ${layer.name}`}
          title={layer.locked ? 'Unlock' : 'Lock against edits'}
          onClick={(event) => {
            event.stopPropagation();
            editor.run(commands.setLayerLocked, { layerId: layer.id, locked: !layer.locked });
          }}
        >
          <Icon name={layer.locked ? 'locked' : 'unlocked'} />
        </button>
        <button
          type="button"
          className="icon-toggle"
          aria-label={`Clear ${layer.name}`}
          title="Clear every stroke of this layer"
          disabled={empty || layer.locked}
          onClick={(event) => {
            event.stopPropagation();
            editor.run(commands.clearLayer, { layerId: layer.id });
          }}
        >
          <Icon name="clear" />
        </button>
      </div>
      <label className="layer-row__opacity" onClick={(event) => event.stopPropagation()}>
        <span className="visually-hidden">{layer.name} opacity</span>
        <input
          type="range"
          min={0}
          max={100}
          value={opacity}
          onPointerDown={() => {
            dragging.current = true;
            firstOfDrag.current = true;
          }}
          onPointerUp={() => (dragging.current = false)}
          onChange={(event) => {
            const merge = dragging.current && !firstOfDrag.current;
            firstOfDrag.current = false;
            editor.run(
              commands.setLayerOpacity,
              { layerId: layer.id, opacity: event.currentTarget.valueAsNumber / 100 },
              { merge },
            );
          }}
        />
        <span className="layer-row__percent">{opacity} %</span>
      </label>
    </li>
  );
}
