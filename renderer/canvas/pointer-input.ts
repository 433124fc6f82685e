/**
 * Pointer and wheel input for the canvas. Screen positions become photo pixels through the
 * editor's viewport and drive its tools; everything else (what a stroke is, undo steps) is the
 * editor's business.
 *
 * - One pointer at a time: the first pointer down owns the gesture and the element captures it,
 *   so a stroke that leaves the canvas still ends where the button is released. A second finger
 *   or pen is ignored until then.
 * - Coalesced events are fed in order, so fast strokes keep every sample the device reported.
 * - pointercancel, an unexpected loss of capture and the window losing focus cancel the gesture
 *   (it leaves no trace, like Escape).
 * - The middle button pans directly, whatever the tool: the habit of many image editors.
 * - The wheel zooms around the pointer (a trackpad pinch arrives as a wheel with ctrlKey).
 */
import type { Point } from '../../shared/document';
import { commands, type Editor, type PointerKind } from '../editor';
import { canvasCursor } from './canvas-cursor';

/** Wheel zoom per pixel of scroll; pinches report small deltas, so they zoom faster per pixel. */
const WHEEL_ZOOM_RATE = 0.0015;
const PINCH_ZOOM_RATE = 0.01;
/** DOM_DELTA_LINE wheels (some mice) scroll in lines; treat a line as this many pixels. */
const LINE_HEIGHT = 16;

export interface PointerInput {
  /** Re-reads the cursor (after a tool switch, a brush size change, Space). */
  refreshCursor(): void;
  detach(): void;
}

export function attachPointerInput(
  element: HTMLElement,
  ring: HTMLElement,
  editor: Editor,
): PointerInput {
  let owner: number | null = null;
  let panning: { x: number; y: number } | null = null;
  let hover: { view: Point; photo: Point } | null = null;

  const viewPoint = (event: { clientX: number; clientY: number }): Point => {
    const box = element.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const photoPoint = (view: Point): Point => {
    const { zoom, offsetX, offsetY } = editor.session.viewport;
    return { x: (view.x - offsetX) / zoom, y: (view.y - offsetY) / zoom };
  };
  const pointerOf = (event: PointerEvent) => {
    const photo = photoPoint(viewPoint(event));
    return {
      x: photo.x,
      y: photo.y,
      pressure: event.pressure,
      pointerType: pointerKind(event.pointerType),
    };
  };

  const refreshCursor = (): void => {
    const dragging = owner !== null && (editor.gestureActive || panning !== null);
    const cursor = canvasCursor(
      editor.state,
      panning ? 'pan' : editor.activeTool,
      hover?.photo ?? null,
      dragging,
    );
    element.style.cursor = cursor.css;
    if (cursor.ringDiameter === null || !hover) {
      ring.hidden = true;
      return;
    }
    ring.hidden = false;
    const d = cursor.ringDiameter;
    ring.style.width = `${d}px`;
    ring.style.height = `${d}px`;
    ring.style.transform = `translate(${hover.view.x - d / 2}px, ${hover.view.y - d / 2}px)`;
  };

  const onPointerDown = (event: PointerEvent): void => {
    if (owner !== null) return;
    const middle = event.pointerType === 'mouse' && event.button === 1;
    if (event.button !== 0 && !middle) return;
    // preventDefault keeps the page from selecting text or starting a drag, and with it from
    // moving focus: so leave any field or slider by hand, or its keys would shadow shortcuts.
    event.preventDefault();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    owner = event.pointerId;
    element.setPointerCapture(event.pointerId);
    if (middle) panning = viewPoint(event);
    else editor.pointerDown(pointerOf(event));
    refreshCursor();
  };

  const onPointerMove = (event: PointerEvent): void => {
    const view = viewPoint(event);
    hover = { view, photo: photoPoint(view) };
    if (event.pointerId === owner) {
      if (panning) {
        editor.run(commands.panView, { dx: view.x - panning.x, dy: view.y - panning.y });
        panning = view;
      } else {
        const samples = event.getCoalescedEvents();
        for (const sample of samples.length > 0 ? samples : [event]) {
          editor.pointerMove(pointerOf(sample));
        }
      }
    }
    refreshCursor();
  };

  const end = (event: PointerEvent, cancelled: boolean): void => {
    if (event.pointerId !== owner) return;
    owner = null;
    if (panning) panning = null;
    else if (cancelled) editor.cancelGesture();
    else editor.pointerUp(pointerOf(event));
    if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    refreshCursor();
  };
  const onPointerUp = (event: PointerEvent): void => end(event, false);
  const onPointerCancel = (event: PointerEvent): void => end(event, true);
  // Fires after pointerup too (capture is released then); only a loss mid-gesture cancels.
  const onLostCapture = (event: PointerEvent): void => end(event, true);

  const onPointerLeave = (): void => {
    if (owner !== null) return;
    hover = null;
    refreshCursor();
  };

  const onWheel = (event: WheelEvent): void => {
    event.preventDefault();
    const delta =
      event.deltaMode === WheelEvent.DOM_DELTA_LINE ? event.deltaY * LINE_HEIGHT : event.deltaY;
    const rate = event.ctrlKey ? PINCH_ZOOM_RATE : WHEEL_ZOOM_RATE;
    editor.run(commands.zoomView, { factor: Math.exp(-delta * rate), anchor: viewPoint(event) });
    const view = viewPoint(event);
    hover = { view, photo: photoPoint(view) };
    refreshCursor();
  };

  const onBlur = (): void => {
    editor.cancelGesture();
    panning = null;
  };

  const unsubscribe = editor.subscribe(refreshCursor);
  element.addEventListener('pointerdown', onPointerDown);
  element.addEventListener('pointermove', onPointerMove);
  element.addEventListener('pointerup', onPointerUp);
  element.addEventListener('pointercancel', onPointerCancel);
  element.addEventListener('lostpointercapture', onLostCapture);
  element.addEventListener('pointerleave', onPointerLeave);
  element.addEventListener('wheel', onWheel, { passive: false });
  window.addEventListener('blur', onBlur);

  return {
    refreshCursor,
    detach() {
      unsubscribe();
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerCancel);
      element.removeEventListener('lostpointercapture', onLostCapture);
      element.removeEventListener('pointerleave', onPointerLeave);
      element.removeEventListener('wheel', onWheel);
      window.removeEventListener('blur', onBlur);
    },
  };
}

function pointerKind(type: string): PointerKind {
  return type === 'pen' || type === 'touch' ? type : 'mouse';
}
