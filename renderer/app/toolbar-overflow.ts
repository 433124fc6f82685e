/**
 * Measures the toolbar's item row and says which items move into the More menu
 * (toolbar-fit.ts decides). React-free: the toolbar hands it its row element (`attach`, from a layout effect), calls
 * `update` after each render (items change width as recent colours come) and reads the answer
 * through `subscribe`/`hiddenItems` (useSyncExternalStore). A ResizeObserver on the row covers
 * the window being resized.
 *
 * In the row, an element with `data-overflow-id` is an item that may move (its priority from
 * `priorities`); anything else stays and takes its width from the row first — its CSS
 * min-width where it can shrink (the document's title), its own width otherwise. A hidden item
 * is not on screen to measure, so the width it last had is used.
 */
import { overflowingItems, sameIds, type MeasuredItem } from './toolbar-fit';

/** Until the More button has been on screen once. */
const MORE_WIDTH_GUESS = 72;

const NONE: ReadonlySet<string> = new Set();

export class ToolbarOverflow {
  private row: HTMLElement | null = null;
  private observer: ResizeObserver | null = null;
  private hidden: ReadonlySet<string> = NONE;
  private readonly widths = new Map<string, number>();
  private moreWidth = MORE_WIDTH_GUESS;
  private readonly listeners = new Set<() => void>();

  /** `priorities`: item id → priority, lowest moves first (toolbar-fit.ts). */
  constructor(private readonly priorities: ReadonlyMap<string, number>) {}

  /** Starts measuring `row` (null: stops). */
  attach(row: HTMLElement | null): void {
    if (row === this.row) return;
    this.observer?.disconnect();
    this.observer = null;
    this.row = row;
    if (!row) return;
    if (typeof ResizeObserver !== 'undefined') {
      this.observer = new ResizeObserver(() => this.update());
      this.observer.observe(row);
    }
    this.update();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly hiddenItems = (): ReadonlySet<string> => this.hidden;

  /** Measures the row as it is now and moves items in or out of the menu. */
  update(): void {
    const row = this.row;
    if (!row) return;
    const style = getComputedStyle(row);
    const gap = parseFloat(style.columnGap) || 0;
    const inner =
      row.clientWidth -
      (parseFloat(style.paddingLeft) || 0) -
      (parseFloat(style.paddingRight) || 0);
    let fixed = 0;
    for (const child of Array.from(row.children)) {
      if (!(child instanceof HTMLElement)) continue;
      const id = child.dataset['overflowId'];
      if (child.dataset['overflowMore'] !== undefined) {
        this.moreWidth = child.getBoundingClientRect().width + gap;
      } else if (id !== undefined) {
        this.widths.set(id, child.getBoundingClientRect().width);
      } else if (getComputedStyle(child).position !== 'absolute') {
        const minWidth = parseFloat(getComputedStyle(child).minWidth);
        const width = child.getBoundingClientRect().width;
        fixed +=
          (Number.isFinite(minWidth) && minWidth > 0 ? Math.min(minWidth, width) : width) + gap;
      }
    }
    const items: MeasuredItem[] = [];
    for (const [id, priority] of this.priorities) {
      const width = this.widths.get(id);
      // Not rendered at all (no photo open yet): nothing to place.
      if (width !== undefined && this.present(id)) items.push({ id, width, priority });
    }
    const next = overflowingItems(items, {
      available: inner - fixed,
      gap,
      moreWidth: this.moreWidth,
    });
    if (sameIds(next, this.hidden)) return;
    this.hidden = next;
    for (const listener of [...this.listeners]) listener();
  }

  /** Items the toolbar offers now: on screen, or in the menu because they were moved there. */
  private present(id: string): boolean {
    if (this.hidden.has(id)) return true;
    return this.row?.querySelector(`[data-overflow-id="${CSS.escape(id)}"]`) !== null;
  }
}
