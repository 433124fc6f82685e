/** One instance of every tool, for one editor (tools hold their gesture's transient state). */
import type { ToolId } from '../state/tool-id';
import { createColorBrush } from './color-brush';
import { createEraser } from './eraser';
import { createEyedropper } from './eyedropper';
import { createIrisTool } from './iris-tool';
import { createMaskBrush } from './mask-brush';
import { createMaskEraser } from './mask-eraser';
import { createPanTool } from './pan-tool';
import { createPlaceRegionTool } from './place-region-tool';
import { createSketchEraser } from './sketch-eraser';
import { createSketchPen } from './sketch-pen';
import type { Tool } from './tool';
import { createWorkAreaTool } from './work-area-tool';

export function createTools(): Readonly<Record<ToolId, Tool>> {
  return {
    'mask-brush': createMaskBrush(),
    'mask-eraser': createMaskEraser(),
    'sketch-pen': createSketchPen(),
    'sketch-eraser': createSketchEraser(),
    'color-brush': createColorBrush(),
    eraser: createEraser(),
    iris: createIrisTool(),
    eyedropper: createEyedropper(),
    'work-area': createWorkAreaTool(),
    'place-region': createPlaceRegionTool(),
    pan: createPanTool(),
  };
}
