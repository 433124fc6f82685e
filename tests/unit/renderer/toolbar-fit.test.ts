/** Which toolbar items give way to the More menu, from measured widths (no screen needed). */
import { describe, expect, it } from 'vitest';
import { overflowingItems, sameIds, type MeasuredItem } from '../../../renderer/app/toolbar-fit';

const ITEMS: readonly MeasuredItem[] = [
  { id: 'brand', width: 70, priority: 0 },
  { id: 'open', width: 90, priority: 5 },
  { id: 'save', width: 50, priority: 4 },
  { id: 'export', width: 70, priority: 1 },
  { id: 'brush', width: 230, priority: 7 },
  { id: 'recent', width: 160, priority: 6 },
];
const total = ITEMS.reduce((sum, item) => sum + item.width + 10, 0);
const space = (available: number) => ({ available, gap: 10, moreWidth: 70 });

describe('the toolbar’s overflow', () => {
  it('moves nothing while everything fits', () => {
    expect(overflowingItems(ITEMS, space(total)).size).toBe(0);
    expect(overflowingItems(ITEMS, space(5000)).size).toBe(0);
  });

  it('moves the lowest priority first, and leaves room for the More button', () => {
    // One pixel short: the brand (80 with its gap) makes room for the More button (70).
    expect([...overflowingItems(ITEMS, space(total - 1))]).toEqual(['brand']);
    // Twenty short: the brand alone no longer leaves room for the button; Export goes too.
    expect([...overflowingItems(ITEMS, space(total - 20))]).toEqual(['brand', 'export']);
  });

  it('moves more as the room shrinks, in priority order', () => {
    const order: string[][] = [];
    for (let available = total; available >= 0; available -= 20) {
      order.push([...overflowingItems(ITEMS, space(available))]);
    }
    // Each answer holds the one before it: an item never comes back as the room shrinks.
    for (let i = 1; i < order.length; i++) {
      expect(order[i]).toEqual(expect.arrayContaining(order[i - 1] ?? []));
    }
    expect(order.at(-1)?.sort()).toEqual(ITEMS.map((item) => item.id).sort());
    const firstSeen = (id: string) => order.findIndex((hidden) => hidden.includes(id));
    expect(firstSeen('brand')).toBeLessThanOrEqual(firstSeen('export'));
    expect(firstSeen('export')).toBeLessThanOrEqual(firstSeen('save'));
    expect(firstSeen('save')).toBeLessThanOrEqual(firstSeen('open'));
    expect(firstSeen('open')).toBeLessThanOrEqual(firstSeen('recent'));
    expect(firstSeen('recent')).toBeLessThanOrEqual(firstSeen('brush'));
  });

  it('what stays fits beside the More button', () => {
    for (const available of [900, 700, 500, 300, 150]) {
      const hidden = overflowingItems(ITEMS, space(available));
      const shown = ITEMS.filter((item) => !hidden.has(item.id));
      const used = shown.reduce((sum, item) => sum + item.width + 10, 0);
      expect(used + 70).toBeLessThanOrEqual(available);
    }
  });

  it('with equal priorities, the rightmost goes first', () => {
    const items = [
      { id: 'a', width: 100, priority: 1 },
      { id: 'b', width: 100, priority: 1 },
    ];
    expect([...overflowingItems(items, { available: 199, gap: 0, moreWidth: 50 })]).toEqual(['b']);
  });

  it('compares answers by their ids', () => {
    expect(sameIds(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(sameIds(new Set(['a']), new Set(['a', 'b']))).toBe(false);
  });
});
