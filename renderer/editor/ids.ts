/**
 * Fresh ids for strokes, layers and iris marks. Ids must stay unique in a document across
 * sessions (a reopened project keeps its ids), so the default source prefixes a counter with a
 * random session tag; the editor still skips any id the document already uses. Tests inject a
 * plain counter to get readable, reproducible ids.
 */
import type { ItemKind } from './commands/command';

export interface IdSource {
  next(kind: ItemKind): string;
}

const TAG_LENGTH = 8;

export function createSessionIds(random: () => number = Math.random): IdSource {
  let tag = '';
  while (tag.length < TAG_LENGTH) tag += Math.floor(random() * 36).toString(36);
  let counter = 0;
  return {
    next(kind) {
      counter += 1;
      return `${kind}-${tag}-${counter}`;
    },
  };
}

/** `stroke-1`, `stroke-2`, …: for tests and fixtures. */
export function createCountingIds(): IdSource {
  const counters = new Map<ItemKind, number>();
  return {
    next(kind) {
      const next = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, next);
      return `${kind}-${next}`;
    },
  };
}
