/**
 * The current color (the color brush's and the iris tool's) and the palette of recently painted
 * colors. The eyedropper (K) sets the same color from the picture. Two components, so that the
 * toolbar can move the palette into its More menu before the color itself.
 */
import { commands, type Editor, type EditorState } from '../editor';

interface ColorControlProps {
  readonly editor: Editor;
  readonly state: EditorState;
}

export function ColorControl({ editor, state }: ColorControlProps) {
  const { color } = state.session;
  return (
    <div className="options-bar__field">
      <label className="color-well" title="Color for the color brush and the iris tool">
        <span className="visually-hidden">Color</span>
        <input
          type="color"
          data-testid="color-input"
          value={color}
          onChange={(event) => editor.run(commands.setColor, event.currentTarget.value)}
        />
      </label>
      <span className="options-bar__value options-bar__value--mono" data-testid="color-value">
        {color}
      </span>
    </div>
  );
}

export function RecentColors({ editor, state }: ColorControlProps) {
  const { color, recentColors } = state.session;
  if (recentColors.length === 0) return null;
  return (
    <ul className="recent-colors" aria-label="Recent colors" data-testid="recent-colors">
      {recentColors.map((recent) => (
        <li key={recent}>
          <button
            type="button"
            className="recent-colors__swatch"
            style={{ backgroundColor: recent }}
            title={recent}
            aria-label={`Use ${recent}`}
            aria-pressed={recent === color}
            onClick={() => editor.run(commands.setColor, recent)}
          />
        </li>
      ))}
    </ul>
  );
}
