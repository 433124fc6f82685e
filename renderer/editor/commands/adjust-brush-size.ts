/** `[` and `]`: one step smaller or larger for the current tool's brush. A preference: ignored. */
import { stepBrushSize } from '../state/brush-sizes';
import { toolDescriptor } from '../tools/catalog';
import { defineCommand } from './command';

export type BrushSizeDirection = 'smaller' | 'larger';

export const adjustBrushSize = defineCommand<BrushSizeDirection>({
  id: 'adjust-brush-size',
  label: (direction) => (direction === 'larger' ? 'Larger brush' : 'Smaller brush'),
  history: 'ignore',
  shortcuts: [
    { keys: '[', args: 'smaller' },
    { keys: ']', args: 'larger' },
  ],
  perform: (draft, direction) => {
    const family = toolDescriptor(draft.session.tool).brush;
    if (family === null) return;
    draft.session.brushSizes[family] = stepBrushSize(draft.session.brushSizes[family], direction);
  },
});
