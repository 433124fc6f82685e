/** The paste source's selection tools and face-part presets. */
import type { Point } from '../../shared/document';
import type { PasteSelection } from '../../shared/paste/paste-api';
import { PART_PRESETS, type SourceTool } from '../paste/source-geometry';

const TOOLS: readonly { readonly id: SourceTool; readonly label: string }[] = [
  { id: 'rectangle', label: 'Rectangle' },
  { id: 'lasso', label: 'Lasso' },
  { id: 'work-area', label: 'Work area' },
];

interface SourceSelectionToolsProps {
  readonly tool: SourceTool;
  readonly selection: PasteSelection | null;
  readonly onTool: (tool: SourceTool) => void;
  readonly onSelection: (selection: PasteSelection) => void;
  /** The source face's landmarks: a preset outlines the part around them. */
  readonly landmarks: readonly Point[] | null;
}

export function SourceSelectionTools(props: SourceSelectionToolsProps) {
  const { tool, selection, onTool, onSelection, landmarks } = props;
  return (
    <>
      <div className="source-panel__tools" role="toolbar" aria-label="Source selection tools">
        {TOOLS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            aria-pressed={tool === entry.id}
            onClick={() => onTool(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div className="source-panel__presets" role="group" aria-label="Face parts">
        {PART_PRESETS.map((preset) => (
          <button
            key={preset.part}
            type="button"
            aria-pressed={selection?.kind === 'face-part' && selection.part === preset.part}
            onClick={() =>
              onSelection({
                kind: 'face-part',
                part: preset.part,
                ...(landmarks ? { landmarks: landmarks.map(({ x, y }) => ({ x, y })) } : {}),
              })
            }
          >
            {preset.label}
          </button>
        ))}
      </div>
    </>
  );
}
