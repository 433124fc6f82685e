import { describe, expect, it } from 'vitest';
import {
  describeProviderOutcome,
  planProviders,
} from '../../../electron/core/inference/execution-provider';

const ALL = ['cpu', 'cuda', 'dml', 'coreml', 'webgpu'];

describe('planProviders', () => {
  it('tries CUDA then DirectML then CPU on Windows', () => {
    expect(planProviders('win32', 'auto', ALL)).toEqual(['cuda', 'dml', 'cpu']);
  });
  it('tries CUDA then CPU on Linux, Core ML then CPU on macOS', () => {
    expect(planProviders('linux', 'auto', ALL)).toEqual(['cuda', 'cpu']);
    expect(planProviders('darwin', 'auto', ALL)).toEqual(['coreml', 'cpu']);
  });
  it('skips providers the binding was not built with', () => {
    expect(planProviders('win32', 'auto', ['cpu', 'dml'])).toEqual(['dml', 'cpu']);
    expect(planProviders('linux', 'cuda', ['cpu'])).toEqual(['cpu']);
  });
  it('honours an explicit choice and always ends on the CPU', () => {
    expect(planProviders('win32', 'directml', ALL)).toEqual(['dml', 'cpu']);
    expect(planProviders('linux', 'cpu', ALL)).toEqual(['cpu']);
  });
});

describe('describeProviderOutcome', () => {
  it('names the failed GPU provider and its reason, then the one in use', () => {
    const text = describeProviderOutcome(
      'auto',
      [
        { provider: 'cuda', error: 'libcudart.so.12: cannot open shared object file\nstack…' },
        { provider: 'cpu' },
      ],
      'linux',
      ALL,
    );
    expect(text).toBe(
      'CUDA unavailable: libcudart.so.12: cannot open shared object file — using CPU.',
    );
  });
  it('explains a CPU-only build when a GPU was asked for', () => {
    expect(describeProviderOutcome('cuda', [{ provider: 'cpu' }], 'linux', ['cpu'])).toMatch(
      /CUDA is not available in this build on linux — using CPU/,
    );
  });
  it('says when nothing could start', () => {
    expect(
      describeProviderOutcome('cpu', [{ provider: 'cpu', error: 'out of memory' }], 'linux', ALL),
    ).toBe('No execution provider could start (CPU: out of memory).');
  });
  it('reports plain use of a provider that started first time', () => {
    expect(describeProviderOutcome('auto', [{ provider: 'dml' }], 'win32', ALL)).toBe(
      'Using DirectML.',
    );
  });
});
