/**
 * "Variation": a new noise seed, so the network renders the same strokes differently. Recorded:
 * undo returns to the variation the person liked, which is the point of keeping seeds.
 */
import { defineCommand } from './command';

const SEED_RANGE = 0x1_0000_0000;

export const newSeed = defineCommand({
  id: 'new-seed',
  label: 'New variation',
  history: 'record',
  perform: (draft, _args, context) => {
    const previous = draft.document.seed;
    let seed = Math.floor(context.random() * SEED_RANGE) % SEED_RANGE;
    // Re-rolling to the same seed would look like a broken button.
    if (seed === previous) seed = (seed + 1) % SEED_RANGE;
    draft.document.seed = seed;
  },
});
