/**
 * Where a pasted region goes on the target by default: the same place relative to the target's
 * work area as it had in the source's, scaled by the ratio of the two work areas. With both
 * work areas framing a face the same way, a pasted eye lands on the target's eye. The rule is
 * shared with the editor (shared/paste/placement.ts), so the CLI and the app agree.
 */
import type { PlacementTransform } from '../../../shared/document/transform';
import { defaultPlacement } from '../../../shared/paste/placement';
import type { TracedPoint } from '../../../shared/raster/trace-lines';
import type { WorkArea } from '../synthesis/work-area';

export function snapPlacement(
  origin: TracedPoint,
  sourceArea: WorkArea,
  targetArea: WorkArea,
): PlacementTransform {
  return defaultPlacement(origin, sourceArea, targetArea);
}
