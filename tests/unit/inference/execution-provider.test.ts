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

describe('provider selection end to end: plan, then what started (issue 9)', () => {
  /** Runs the plan against a machine where `failing` providers throw at start. */
  function choose(
    platform: NodeJS.Platform,
    preference: Parameters<typeof planProviders>[1],
    supported: readonly string[],
    failing: Readonly<Record<string, string>>,
  ) {
    const attempts: { provider: ReturnType<typeof planProviders>[number]; error?: string }[] = [];
    for (const provider of planProviders(platform, preference, supported)) {
      const error = failing[provider];
      if (error === undefined) {
        attempts.push({ provider });
        break;
      }
      attempts.push({ provider, error });
    }
    return {
      chosen: attempts.find((a) => a.error === undefined)?.provider ?? null,
      message: describeProviderOutcome(preference, attempts, platform, supported),
    };
  }

  it('Windows with a DX12 GPU but no CUDA build: DirectML, said plainly', () => {
    expect(choose('win32', 'auto', ['cpu', 'dml', 'webgpu'], {})).toEqual({
      chosen: 'dml',
      message: 'Using DirectML.',
    });
  });

  it('Windows whose DirectML device fails: CPU, with DirectML’s reason', () => {
    expect(
      choose('win32', 'auto', ['cpu', 'dml'], { dml: 'DXGI_ERROR_UNSUPPORTED: no DX12 adapter' }),
    ).toEqual({
      chosen: 'cpu',
      message: 'DirectML unavailable: DXGI_ERROR_UNSUPPORTED: no DX12 adapter — using CPU.',
    });
  });

  it('Linux asked for CUDA explicitly, without cuDNN: CPU, with the missing library', () => {
    expect(
      choose('linux', 'cuda', ALL, { cuda: 'libcudnn.so.9: cannot open shared object file' }),
    ).toEqual({
      chosen: 'cpu',
      message: 'CUDA unavailable: libcudnn.so.9: cannot open shared object file — using CPU.',
    });
  });

  it('Linux without a GPU build, on auto: CPU, and why', () => {
    expect(choose('linux', 'auto', ['cpu'], {})).toEqual({
      chosen: 'cpu',
      message: 'No GPU provider is available on this system — using CPU.',
    });
  });

  it('DirectML asked for on Linux: not in this build, CPU', () => {
    expect(
      choose(
        'linux',
        'directml',
        ALL.filter((p) => p !== 'dml'),
        {},
      ),
    ).toEqual({
      chosen: 'cpu',
      message: 'DirectML is not available in this build on linux — using CPU.',
    });
  });

  it('CPU pinned in Preferences: the GPU is never tried', () => {
    expect(planProviders('linux', 'cpu', ALL)).toEqual(['cpu']);
    expect(choose('linux', 'cpu', ALL, { cuda: 'must not be tried' })).toEqual({
      chosen: 'cpu',
      message: 'Using CPU.',
    });
  });

  it('macOS: Core ML, and the CPU when Core ML refuses the model', () => {
    expect(choose('darwin', 'auto', ALL, {}).chosen).toBe('coreml');
    expect(choose('darwin', 'auto', ALL, { coreml: 'unsupported op' }).message).toBe(
      'Core ML unavailable: unsupported op — using CPU.',
    );
  });

  it('nothing starts: no provider chosen, every reason named', () => {
    expect(choose('linux', 'auto', ALL, { cuda: 'no driver', cpu: 'bad model' })).toEqual({
      chosen: null,
      message: 'No execution provider could start (CUDA: no driver; CPU: bad model).',
    });
  });
});
