/**
 * Which toolbar items move into the "More" menu when the window is too narrow for all of them
 * (a 1280-px window once recent colours appear). Pure arithmetic on measured widths, so it is
 * tested without a screen; toolbar-overflow.ts measures and calls it.
 *
 * Every item has a priority; the lowest goes first, until what is left — plus the More button —
 * fits. Nothing moves while everything fits, so the button appears only when it is needed. The
 * edit's own actions (undo, redo, Variation, Apply, fit to screen) are not items here: they sit
 * outside the measured area and are never moved away.
 */

export interface MeasuredItem {
  readonly id: string;
  /** Its width on screen, in CSS pixels (for a hidden item: the last width it had). */
  readonly width: number;
  /** Lower moves into the menu first; items that may never move are not listed at all. */
  readonly priority: number;
}

export interface FitSpace {
  /** The width the items share, after whatever stays in the area regardless. */
  readonly available: number;
  /** The flex gap between neighbours. */
  readonly gap: number;
  /** The More button's width, reserved once anything moves into it. */
  readonly moreWidth: number;
}

const NONE: ReadonlySet<string> = new Set();

/** The ids that go into the More menu. */
export function overflowingItems(
  items: readonly MeasuredItem[],
  space: FitSpace,
): ReadonlySet<string> {
  const rowWidth = (row: readonly MeasuredItem[], extra: number) =>
    row.reduce((sum, item) => sum + item.width + space.gap, extra);
  // Each item brings its width and the gap before the next thing in the row.
  if (rowWidth(items, 0) <= space.available) return NONE;
  const budget = space.available - space.moreWidth;
  const byPriority = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.priority - b.item.priority || b.index - a.index);
  const hidden = new Set<string>();
  let used = rowWidth(items, 0);
  for (const { item } of byPriority) {
    if (used <= budget) break;
    hidden.add(item.id);
    used -= item.width + space.gap;
  }
  return hidden;
}

export function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}
