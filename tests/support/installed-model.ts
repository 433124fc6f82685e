/**
 * The installed model stack (models/faceshop-256.json and the refiner beside it) for a test
 * file: opened once before its tests, closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { openModelStack, type ModelStack } from '../../electron/core/synthesis/model-loading';
import type { Synthesizer } from '../../electron/core/synthesis/synthesizer';
import { MODEL_MANIFEST } from './repo-paths';

export function useInstalledModel(threads = 2): { readonly synth: Synthesizer } {
  let stack: ModelStack | null = null;
  const handle = {
    get synth(): Synthesizer {
      if (stack === null) throw new Error('the model stack is not open yet (use it inside a test)');
      return stack.synthesizer;
    },
  };
  beforeAll(async () => {
    stack = await openModelStack(MODEL_MANIFEST, { threads });
  });
  afterAll(() => stack?.dispose());
  return handle;
}
