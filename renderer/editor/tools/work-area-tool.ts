/**
 * Moves, resizes or redraws the work area. Pressing on a corner of the square resizes it with
 * the opposite corner held in place; pressing elsewhere inside drags it; pressing outside draws
 * a new square centered on the press, sized by the drag. The square is committed once, at
 * pointer-up, as one recorded step (a click without a drag changes nothing).
 *
 * The corners matter because a new photo's work area is the largest square it holds: on a
 * square photo there is no "outside" to draw from and nothing to drag, so without them the
 * person could never make the square smaller.
 */
import {
  MIN_WORK_AREA_SIZE,
  clampWorkArea,
  type PhotoRef,
  type Point,
  type WorkArea,
} from '../../../shared/document';
import { setWorkArea } from '../commands/set-work-area';
import type { Tool, ToolPreview } from './tool';

/** How close to a corner, in view pixels, a press grabs it: a comfortable mouse target. */
export const WORK_AREA_HANDLE_VIEW_PIXELS = 10;

export type WorkAreaCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** What a press at `point` would do; the canvas uses it to pick the cursor. */
export type WorkAreaHit =
  | { readonly kind: 'corner'; readonly corner: WorkAreaCorner }
  | { readonly kind: 'inside' }
  | { readonly kind: 'outside' };

export function workAreaHitAt(area: WorkArea, point: Point, zoom: number): WorkAreaHit {
  const tolerance = WORK_AREA_HANDLE_VIEW_PIXELS / zoom;
  const right = area.x + area.size;
  const bottom = area.y + area.size;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= tolerance;
  const left = near(point.x, area.x);
  const atRight = near(point.x, right);
  const top = near(point.y, area.y);
  const atBottom = near(point.y, bottom);
  if (top && left) return { kind: 'corner', corner: 'top-left' };
  if (top && atRight) return { kind: 'corner', corner: 'top-right' };
  if (atBottom && left) return { kind: 'corner', corner: 'bottom-left' };
  if (atBottom && atRight) return { kind: 'corner', corner: 'bottom-right' };
  const inside = point.x >= area.x && point.x <= right && point.y >= area.y && point.y <= bottom;
  return { kind: inside ? 'inside' : 'outside' };
}

type Gesture =
  | { readonly mode: 'move'; readonly grabX: number; readonly grabY: number; area: WorkArea }
  | { readonly mode: 'resize'; readonly anchor: Point; area: WorkArea }
  | { readonly mode: 'draw'; readonly center: Point; area: WorkArea | null };

/** The square with one corner at `anchor` reaching towards `pointer`, kept inside the photo. */
function squareFromCorner(anchor: Point, pointer: Point, photo: PhotoRef): WorkArea {
  const towardsLeft = pointer.x < anchor.x;
  const towardsTop = pointer.y < anchor.y;
  // Limit the side so the held corner stays where it is instead of the square sliding.
  const room = Math.min(
    towardsLeft ? anchor.x : photo.width - anchor.x,
    towardsTop ? anchor.y : photo.height - anchor.y,
  );
  const wanted = Math.max(Math.abs(pointer.x - anchor.x), Math.abs(pointer.y - anchor.y));
  const side = Math.max(MIN_WORK_AREA_SIZE, Math.min(room, wanted));
  return clampWorkArea(
    {
      x: towardsLeft ? anchor.x - side : anchor.x,
      y: towardsTop ? anchor.y - side : anchor.y,
      size: side,
    },
    photo,
  );
}

function oppositeCorner(area: WorkArea, corner: WorkAreaCorner): Point {
  const right = area.x + area.size;
  const bottom = area.y + area.size;
  switch (corner) {
    case 'top-left':
      return { x: right, y: bottom };
    case 'top-right':
      return { x: area.x, y: bottom };
    case 'bottom-left':
      return { x: right, y: area.y };
    case 'bottom-right':
      return { x: area.x, y: area.y };
  }
}

export function createWorkAreaTool(): Tool {
  let gesture: Gesture | null = null;
  let preview: ToolPreview | null = null;

  return {
    id: 'work-area',
    get gestureActive() {
      return gesture !== null;
    },
    get preview() {
      return preview;
    },
    pointerDown(pointer, context) {
      if (gesture) return;
      const area = context.state.document.workArea;
      const hit = workAreaHitAt(area, pointer, context.state.session.viewport.zoom);
      switch (hit.kind) {
        case 'corner':
          gesture = { mode: 'resize', anchor: oppositeCorner(area, hit.corner), area };
          preview = { kind: 'work-area', area };
          return;
        case 'inside':
          gesture = { mode: 'move', grabX: pointer.x - area.x, grabY: pointer.y - area.y, area };
          preview = { kind: 'work-area', area };
          return;
        case 'outside':
          gesture = { mode: 'draw', center: { x: pointer.x, y: pointer.y }, area: null };
          preview = null;
          return;
      }
    },
    pointerMove(pointer, context) {
      if (!gesture) return;
      const photo = context.state.document.photo;
      switch (gesture.mode) {
        case 'move':
          gesture.area = clampWorkArea(
            { x: pointer.x - gesture.grabX, y: pointer.y - gesture.grabY, size: gesture.area.size },
            photo,
          );
          break;
        case 'resize':
          gesture.area = squareFromCorner(gesture.anchor, pointer, photo);
          break;
        case 'draw': {
          const half = Math.max(
            Math.abs(pointer.x - gesture.center.x),
            Math.abs(pointer.y - gesture.center.y),
          );
          gesture.area =
            2 * half < MIN_WORK_AREA_SIZE
              ? null
              : clampWorkArea(
                  { x: gesture.center.x - half, y: gesture.center.y - half, size: 2 * half },
                  photo,
                );
          break;
        }
      }
      preview = gesture.area && { kind: 'work-area', area: gesture.area };
    },
    pointerUp(pointer, context) {
      if (!gesture) return;
      this.pointerMove(pointer, context);
      const area = gesture.area;
      gesture = null;
      preview = null;
      if (area) context.run(setWorkArea, { area });
    },
    cancel() {
      gesture = null;
      preview = null;
    },
  };
}
