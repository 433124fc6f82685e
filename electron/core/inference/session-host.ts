/**
 * Opens an onnxruntime-node session on the best execution provider that starts, and runs it.
 * Used directly (inline) or inside the inference worker thread; it knows nothing of either.
 */
import os from 'node:os';
import * as ort from 'onnxruntime-node';
import {
  describeProviderOutcome,
  planProviders,
  type ProviderAttempt,
  type ProviderName,
  type ProviderPreference,
} from './execution-provider';

export interface TensorData {
  readonly data: Float32Array;
  readonly dims: readonly number[];
}
export type Feeds = Readonly<Record<string, TensorData>>;

export interface SessionOptions {
  readonly preference?: ProviderPreference;
  /** CPU threads for one inference; defaults to the machine's parallelism, at most 8. */
  readonly threads?: number;
}

export interface SessionInfo {
  readonly provider: ProviderName;
  readonly attempts: readonly ProviderAttempt[];
  /** Human-readable outcome, e.g. "CUDA unavailable: … — using CPU." */
  readonly providerMessage: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly threads: number;
  readonly loadMs: number;
}

// A GPU provider that cannot start makes onnxruntime print a native error banner to stderr;
// FaceShop reports the failure itself (describeProviderOutcome), so only fatal logs remain.
ort.env.logLevel = 'fatal';

export function defaultThreads(): number {
  // Beyond ~8 threads a 256² U-Net gains nothing and steals cores from the UI and sharp.
  return Math.max(1, Math.min(8, os.availableParallelism()));
}

export async function openSession(
  modelPath: string,
  options: SessionOptions = {},
): Promise<{ session: ort.InferenceSession; info: SessionInfo }> {
  const preference = options.preference ?? 'auto';
  const threads = options.threads ?? defaultThreads();
  const supported = ort.listSupportedBackends().map((b) => b.name);
  const plan = planProviders(process.platform, preference, supported);
  const attempts: ProviderAttempt[] = [];
  const started = performance.now();
  for (const provider of plan) {
    try {
      const session = await ort.InferenceSession.create(modelPath, {
        executionProviders: [provider],
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
      attempts.push({ provider });
      return {
        session,
        info: {
          provider,
          attempts,
          providerMessage: describeProviderOutcome(
            preference,
            attempts,
            process.platform,
            supported,
          ),
          inputNames: session.inputNames,
          outputNames: session.outputNames,
          threads,
          loadMs: performance.now() - started,
        },
      };
    } catch (error) {
      attempts.push({ provider, error: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(describeProviderOutcome(preference, attempts, process.platform, supported));
}

export async function runSession(
  session: ort.InferenceSession,
  feeds: Feeds,
  outputName: string,
): Promise<TensorData> {
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds))
    ortFeeds[name] = new ort.Tensor('float32', t.data, t.dims);
  const result = await session.run(ortFeeds);
  const out = result[outputName];
  if (!out) throw new Error(`the model produced no output named ${outputName}`);
  // Copy out of onnxruntime's buffer so it can be transferred or kept after the next run.
  return { data: new Float32Array(out.data as Float32Array), dims: out.dims };
}
