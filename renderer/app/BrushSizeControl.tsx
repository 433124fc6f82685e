/**
 * The current tool's brush size: a slider on a logarithmic scale (a pixel matters at 2 px, not
 * at 400) and the size in photo pixels. `[` and `]` change the same value from the keyboard.
 */
import { commands, toolDescriptor, type Editor, type EditorState } from '../editor';
import { withShortcut } from './shortcut-label';

const MIN_SIZE = 1;
const MAX_SIZE = 1000;
const STEPS = 200;

const toSlider = (size: number): number =>
  Math.round((Math.log(size / MIN_SIZE) / Math.log(MAX_SIZE / MIN_SIZE)) * STEPS);
const fromSlider = (value: number): number =>
  Math.round(MIN_SIZE * Math.pow(MAX_SIZE / MIN_SIZE, value / STEPS) * 2) / 2;

interface BrushSizeControlProps {
  readonly editor: Editor;
  readonly state: EditorState;
}

export function BrushSizeControl({ editor, state }: BrushSizeControlProps) {
  const family = toolDescriptor(state.session.tool).brush;
  const size = family === null ? null : state.session.brushSizes[family];
  return (
    <label
      className="options-bar__field"
      title={withShortcut('Brush size in photo pixels', ['[', ']'])}
      aria-disabled={family === null}
    >
      <span className="options-bar__label">Size</span>
      <input
        type="range"
        className="options-bar__slider"
        data-testid="brush-size"
        min={0}
        max={STEPS}
        value={size === null ? 0 : toSlider(size)}
        disabled={family === null}
        onChange={(event) => {
          if (family !== null) {
            editor.run(commands.setBrushSize, {
              family,
              size: fromSlider(event.currentTarget.valueAsNumber),
            });
          }
        }}
      />
      <span className="options-bar__value" data-testid="brush-size-value">
        {size === null ? '—' : `${size} px`}
      </span>
    </label>
  );
}
