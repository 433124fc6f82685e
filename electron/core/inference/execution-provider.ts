/**
 * Which onnxruntime execution provider to try, in which order, and how to explain the outcome.
 *
 * Pure logic, so every platform's plan and every failure message is unit-tested on any machine.
 * A GPU provider can be compiled in and still fail to start (no driver, no libcudart, an old
 * card); the app then runs on the CPU and says why, because a person who bought a GPU wants to
 * know why FaceShop is not using it.
 */

export type ProviderPreference = 'auto' | 'cuda' | 'directml' | 'coreml' | 'cpu';

/** onnxruntime-node's names for the providers FaceShop uses. */
export type ProviderName = 'cuda' | 'dml' | 'coreml' | 'cpu';

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  cuda: 'CUDA',
  dml: 'DirectML',
  coreml: 'Core ML',
  cpu: 'CPU',
};

/** Providers to try, best first; always ends with the CPU, which cannot be missing. */
export function planProviders(
  platform: NodeJS.Platform,
  preference: ProviderPreference,
  supported: readonly string[],
): ProviderName[] {
  const byPlatform: Record<string, ProviderName[]> = {
    win32: ['cuda', 'dml'],
    linux: ['cuda'],
    darwin: ['coreml'],
  };
  const wanted: ProviderName[] =
    preference === 'auto'
      ? (byPlatform[platform] ?? [])
      : preference === 'cpu'
        ? []
        : [preference === 'directml' ? 'dml' : preference];
  // The binding lists what it was built with; a provider it lacks would only fail later.
  const available = wanted.filter((p) => supported.includes(p));
  return [...available, 'cpu'];
}

export interface ProviderAttempt {
  readonly provider: ProviderName;
  /** Why it failed; absent for the one that started. */
  readonly error?: string;
}

/** One line for the status bar and the About box, e.g. "CUDA unavailable: … — using CPU". */
export function describeProviderOutcome(
  preference: ProviderPreference,
  attempts: readonly ProviderAttempt[],
  platform: NodeJS.Platform,
  supported: readonly string[],
): string {
  const active = attempts.find((a) => a.error === undefined);
  const failed = attempts.filter((a) => a.error !== undefined);
  if (!active) {
    const reasons = failed.map((a) => `${PROVIDER_LABELS[a.provider]}: ${a.error}`).join('; ');
    return `No execution provider could start (${reasons}).`;
  }
  const label = PROVIDER_LABELS[active.provider];
  if (failed.length > 0) {
    const reasons = failed.map(
      (a) => `${PROVIDER_LABELS[a.provider]} unavailable: ${firstLine(a.error ?? '')}`,
    );
    return `${reasons.join('; ')} — using ${label}.`;
  }
  if (active.provider === 'cpu' && preference !== 'cpu') {
    const wanted = preference === 'auto' ? null : preference === 'directml' ? 'dml' : preference;
    if (wanted !== null && !supported.includes(wanted)) {
      return `${PROVIDER_LABELS[wanted as ProviderName]} is not available in this build on ${platform} — using CPU.`;
    }
    if (preference === 'auto') return 'No GPU provider is available on this system — using CPU.';
  }
  return `Using ${label}.`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
