import { describe, expect, it } from 'vitest';
import { inferenceLabel } from '../../../renderer/app/inference-label';

describe('the status bar’s inference label', () => {
  it('leads with the provider, then the reason', () => {
    expect(
      inferenceLabel({
        state: 'ready',
        message: 'No GPU provider is available on this system — using CPU.',
      }),
    ).toBe('CPU — No GPU provider is available on this system');
    expect(
      inferenceLabel({
        state: 'ready',
        message: 'CUDA unavailable: libcudart not found — using CPU.',
      }),
    ).toBe('CPU — CUDA unavailable: libcudart not found');
    expect(inferenceLabel({ state: 'ready', message: 'Using CUDA.' })).toBe('CUDA');
  });

  it('says when the model is still loading or failed', () => {
    expect(inferenceLabel({ state: 'not-loaded', message: '' })).toBe('Loading model…');
    expect(inferenceLabel({ state: 'failed', message: 'bad file' })).toBe('Model failed to load');
  });
});
