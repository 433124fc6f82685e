/**
 * The editor's public surface for the UI (React panels, the Fabric canvas, the synthesis
 * client). Everything here is DOM-free and Fabric-free; see editor.ts for how input, commands,
 * history and the synthesis signal fit together.
 */
export { Editor, type EditorOptions, type HistoryView, type RunOptions } from './editor';
export * as commands from './commands';
export { TOOL_CATALOG, toolDescriptor, type ToolDescriptor } from './tools/catalog';
export { workAreaHitAt, type WorkAreaCorner, type WorkAreaHit } from './tools/work-area-tool';
export { grabbableRegions } from './tools/place-region-tool';
export * from './geometry/region-placement';
export type {
  ColorSampler,
  PhotoPointer,
  PointerKind,
  StrokeCommit,
  ToolPreview,
} from './tools/tool';
export type { EditorState, SessionState, SynthesisResult } from './state/editor-state';
export type { ToolId } from './state/tool-id';
export type { BrushFamily, BrushSizes } from './state/brush-sizes';
export type { Viewport, ViewSize } from './state/viewport';
export type { KeyInput, Platform } from './shortcuts/key-chord';
export { AmbiguousShortcutError } from './shortcuts/shortcut-registry';
export { createSessionIds, type IdSource } from './ids';
