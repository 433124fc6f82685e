/**
 * Whether two lists of patches touch overlapping parts of the state. Two paths overlap when one
 * is a prefix of the other (`layers/2` and `layers/2/visible`), because replacing a parent
 * replaces the child too. Paths are index-based for arrays, so any change that shifts array
 * elements shows up as a replacement of the shifted indices and is caught as well.
 */
import type { Patch } from 'immer';

export function patchesOverlap(a: readonly Patch[], b: readonly Patch[]): boolean {
  return a.some((left) => b.some((right) => pathsOverlap(left.path, right.path)));
}

function pathsOverlap(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  const shared = Math.min(a.length, b.length);
  for (let index = 0; index < shared; index += 1) {
    // Immer writes array indices as numbers; compare as strings so `2` and `'2'` agree.
    if (String(a[index]) !== String(b[index])) return false;
  }
  return true;
}
