/** Sets a brush size directly (the toolbar's slider). A preference: ignored by history. */
import { clampBrushSize, type BrushFamily } from '../state/brush-sizes';
import { defineCommand } from './command';

export interface SetBrushSizeArgs {
  readonly family: BrushFamily;
  /** Photo pixels; clamped. */
  readonly size: number;
}

export const setBrushSize = defineCommand<SetBrushSizeArgs>({
  id: 'set-brush-size',
  label: 'Brush size',
  history: 'ignore',
  refusal: (_state, { size }) => (Number.isFinite(size) ? null : 'the size must be a number'),
  perform: (draft, { family, size }) => {
    draft.session.brushSizes[family] = clampBrushSize(size);
  },
});
