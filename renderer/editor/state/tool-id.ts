/** The editor's tools, by id. Their shortcuts and behaviour live in tools/. */
export type ToolId =
  | 'mask-brush'
  | 'mask-eraser'
  | 'sketch-pen'
  | 'sketch-eraser'
  | 'color-brush'
  | 'eraser'
  | 'iris'
  | 'eyedropper'
  | 'work-area'
  | 'place-region'
  | 'pan';
