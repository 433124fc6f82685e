/**
 * The tools as data: name, shortcut(s), the layer they draw into and the brush size they use.
 * Selecting a tool reads this; the tool's behaviour lives in its own file.
 *
 * Shortcut letters follow common editors where they can (B brush, E eraser, I for the eye,
 * K eyedropper as in Photoshop's sampler, H hand); Shift turns a brush into its own eraser, one
 * rule instead of more letters to learn. M is an alias of the mask brush ("M for mask").
 */
import type { LayerKind } from '../../../shared/document';
import type { BrushFamily } from '../state/brush-sizes';
import type { ToolId } from '../state/tool-id';

export interface ToolDescriptor {
  readonly id: ToolId;
  readonly label: string;
  readonly shortcuts: readonly string[];
  /** The kind of layer selecting the tool makes active; null keeps the active layer. */
  readonly layerKind: Exclude<LayerKind, 'pasted-region'> | null;
  /** Whose size `[` and `]` change while the tool is selected. */
  readonly brush: BrushFamily | null;
}

export const TOOL_CATALOG: readonly ToolDescriptor[] = [
  {
    id: 'mask-brush',
    label: 'Mask brush',
    shortcuts: ['B', 'M'],
    layerKind: 'mask',
    brush: 'mask',
  },
  {
    id: 'mask-eraser',
    label: 'Mask eraser',
    shortcuts: ['Shift+B'],
    layerKind: 'mask',
    brush: 'mask',
  },
  { id: 'sketch-pen', label: 'Sketch pen', shortcuts: ['S'], layerKind: 'sketch', brush: 'sketch' },
  {
    id: 'sketch-eraser',
    label: 'Sketch eraser',
    shortcuts: ['Shift+S'],
    layerKind: 'sketch',
    brush: 'eraser',
  },
  { id: 'color-brush', label: 'Color brush', shortcuts: ['C'], layerKind: 'color', brush: 'color' },
  { id: 'eraser', label: 'Eraser', shortcuts: ['E'], layerKind: null, brush: 'eraser' },
  { id: 'iris', label: 'Iris', shortcuts: ['I'], layerKind: 'iris', brush: null },
  { id: 'eyedropper', label: 'Eyedropper', shortcuts: ['K'], layerKind: null, brush: null },
  { id: 'work-area', label: 'Work area', shortcuts: ['W'], layerKind: null, brush: null },
  {
    id: 'place-region',
    label: 'Place pasted region',
    shortcuts: ['V'],
    layerKind: null,
    brush: null,
  },
  { id: 'pan', label: 'Hand', shortcuts: ['H'], layerKind: null, brush: null },
];

export function toolDescriptor(id: ToolId): ToolDescriptor {
  const descriptor = TOOL_CATALOG.find((tool) => tool.id === id);
  if (!descriptor) throw new Error(`unknown tool "${id}"`);
  return descriptor;
}
