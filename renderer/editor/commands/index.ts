/** Every command, for the UI to import from one place. One file per command beside this one. */
export { actualPixels } from './actual-pixels';
export { addIrisMark } from './add-iris-mark';
export { addPastedRegion } from './add-pasted-region';
export { addStroke } from './add-stroke';
export { adjustBrushSize } from './adjust-brush-size';
export { applyResult } from './apply-result';
export { clearLayer } from './clear-layer';
export { clearResult } from './clear-result';
export { erase } from './erase';
export { fitToScreen } from './fit-to-screen';
export { newSeed } from './new-seed';
export { nudgeRegion } from './nudge-region';
export { panView } from './pan-view';
export { receiveResult } from './receive-result';
export { redo } from './redo';
export { rememberColor } from './remember-color';
export { removeLayer } from './remove-layer';
export { removePastedRegion } from './remove-pasted-region';
export { renameLayer } from './rename-layer';
export { selectTool } from './select-tool';
export { setActiveLayer } from './set-active-layer';
export { setBrushSize } from './set-brush-size';
export { setColor } from './set-color';
export { setLayerLocked } from './set-layer-locked';
export { setLayerOpacity } from './set-layer-opacity';
export { setLayerVisibility } from './set-layer-visibility';
export { setRegionTransform } from './set-region-transform';
export { setResultOpacity } from './set-result-opacity';
export { setViewSize } from './set-view-size';
export { setWorkArea } from './set-work-area';
export { showOriginal } from './show-original';
export { undo } from './undo';
export { updateIrisMark } from './update-iris-mark';
export { zoomView } from './zoom-view';
export type {
  ChangeCommand,
  CommandContext,
  CommandOutcome,
  HistoryCommand,
  ShortcutSpec,
} from './command';
