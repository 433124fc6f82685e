/**
 * Routes pointer input to tools. The tool that accepted a pointer-down receives the rest of
 * that gesture even if the selected tool changes meanwhile, so a gesture always ends in the tool
 * that began it. Holding Space "spring-loads" the hand tool: it takes the place of the selected
 * tool until Space is released, unless a gesture is already running (a stroke is never turned
 * into a pan halfway).
 */
import type { ToolId } from '../state/tool-id';
import type { PhotoPointer, Tool, ToolContext, ToolPreview } from './tool';

export class ToolHost {
  private gestureTool: Tool | null = null;
  private springLoaded: ToolId | null = null;

  constructor(private readonly tools: Readonly<Record<ToolId, Tool>>) {}

  /** The tool the next pointer-down goes to. */
  effectiveTool(selected: ToolId): ToolId {
    return this.springLoaded ?? selected;
  }

  get gestureActive(): boolean {
    return this.gestureTool?.gestureActive === true;
  }

  get gestureToolId(): ToolId | null {
    return this.gestureActive ? (this.gestureTool?.id ?? null) : null;
  }

  get preview(): ToolPreview | null {
    return this.gestureActive ? (this.gestureTool?.preview ?? null) : null;
  }

  pointerDown(pointer: PhotoPointer, selected: ToolId, context: ToolContext): void {
    if (this.gestureActive) return;
    const tool = this.tools[this.effectiveTool(selected)];
    tool.pointerDown(pointer, context);
    this.gestureTool = tool.gestureActive ? tool : null;
  }

  pointerMove(pointer: PhotoPointer, context: ToolContext): void {
    if (this.gestureActive) this.gestureTool?.pointerMove(pointer, context);
  }

  pointerUp(pointer: PhotoPointer, context: ToolContext): void {
    const tool = this.gestureTool;
    this.gestureTool = null;
    if (tool?.gestureActive) tool.pointerUp(pointer, context);
  }

  cancel(context: ToolContext): boolean {
    const tool = this.gestureTool;
    this.gestureTool = null;
    if (!tool?.gestureActive) return false;
    tool.cancel(context);
    return true;
  }

  /** Space pressed: the hand takes over, if no gesture is running. */
  springLoad(tool: ToolId): boolean {
    if (this.gestureActive || this.springLoaded !== null) return false;
    this.springLoaded = tool;
    return true;
  }

  /** Space released: a pan in progress ends where it is (a pan has nothing to commit). */
  releaseSpring(context: ToolContext): void {
    if (this.springLoaded === null) return;
    if (this.gestureTool?.id === this.springLoaded) this.cancel(context);
    this.springLoaded = null;
  }
}
