/**
 * The inference service: owns one model session for the app's lifetime, warms it up, and runs
 * at most one inference at a time with latest-wins queueing (latest-wins.ts).
 *
 * The session lives in a worker thread when a built worker script is given (the app and the
 * CLI), or inline on the calling thread (unit tests and tools that run from TypeScript source).
 * Both paths run the same session-host code.
 */
import { Worker } from 'node:worker_threads';
import type * as ort from 'onnxruntime-node';
import { LatestWins, type Outcome } from './latest-wins';
import {
  openSession,
  runSession,
  type Feeds,
  type SessionInfo,
  type SessionOptions,
  type TensorData,
} from './session-host';
import type { FromWorker, ToWorker } from './worker-protocol';

export interface InferenceServiceOptions extends SessionOptions {
  /** Built inference-worker.js; without it the session runs on the calling thread. */
  readonly workerPath?: string;
  /** Feeds for one warm-up run (the first run pays for memory planning and kernel choice). */
  readonly warmup?: Feeds;
  readonly outputName?: string;
}

export interface InferenceResult {
  readonly output: TensorData;
  /** Time inside the session (worker side), in milliseconds. */
  readonly ms: number;
}

interface Runner {
  run(feeds: Feeds, outputName: string): Promise<InferenceResult>;
  dispose(): Promise<void>;
}

class InlineRunner implements Runner {
  constructor(private readonly session: ort.InferenceSession) {}
  async run(feeds: Feeds, outputName: string): Promise<InferenceResult> {
    const started = performance.now();
    const output = await runSession(this.session, feeds, outputName);
    return { output, ms: performance.now() - started };
  }
  async dispose(): Promise<void> {
    await this.session.release();
  }
}

class WorkerRunner implements Runner {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (r: InferenceResult) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      if (message.type !== 'result' && message.type !== 'run-failed') return;
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      if (message.type === 'result') job.resolve({ output: message.output, ms: message.ms });
      else job.reject(new Error(message.message));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) =>
      this.failAll(new Error(`the inference worker stopped (exit code ${code})`)),
    );
  }

  static async open(
    workerPath: string,
    modelPath: string,
    options: SessionOptions,
  ): Promise<{ runner: WorkerRunner; info: SessionInfo }> {
    const worker = new Worker(workerPath);
    const info = await new Promise<SessionInfo>((resolve, reject) => {
      const onMessage = (message: FromWorker): void => {
        if (message.type === 'opened') resolve(message.info);
        else if (message.type === 'open-failed') reject(new Error(message.message));
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      const open: ToWorker = { type: 'open', modelPath, options };
      worker.postMessage(open);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return { runner: new WorkerRunner(worker), info };
  }

  run(feeds: Feeds, outputName: string): Promise<InferenceResult> {
    const id = this.nextId++;
    return new Promise<InferenceResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToWorker = { type: 'run', id, feeds, outputName };
      // Copies, not transfers: callers keep their tensors (e.g. to composite with the image).
      this.worker.postMessage(message);
    });
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}

export class InferenceService {
  private readonly queue: LatestWins<Feeds, InferenceResult>;
  private disposed = false;

  private constructor(
    private readonly runner: Runner,
    readonly info: SessionInfo,
    private readonly outputName: string,
  ) {
    this.queue = new LatestWins((feeds) => this.runner.run(feeds, this.outputName));
  }

  static async open(
    modelPath: string,
    options: InferenceServiceOptions = {},
  ): Promise<InferenceService> {
    const outputName = options.outputName ?? 'output';
    const sessionOptions: SessionOptions = {
      ...(options.preference ? { preference: options.preference } : {}),
      ...(options.threads ? { threads: options.threads } : {}),
    };
    let runner: Runner;
    let info: SessionInfo;
    if (options.workerPath) {
      ({ runner, info } = await WorkerRunner.open(options.workerPath, modelPath, sessionOptions));
    } else {
      const opened = await openSession(modelPath, sessionOptions);
      runner = new InlineRunner(opened.session);
      info = opened.info;
    }
    const service = new InferenceService(runner, info, outputName);
    if (options.warmup) await runner.run(options.warmup, outputName);
    return service;
  }

  /** Latest-wins: a newer call replaces a waiting one, which resolves as superseded. */
  run(feeds: Feeds): Promise<Outcome<InferenceResult>> {
    if (this.disposed) return Promise.reject(new Error('the inference service is closed'));
    return this.queue.submit(feeds);
  }

  /** Runs now, outside the latest-wins queue's replacement (batch work such as the CLI). */
  async runExclusive(feeds: Feeds): Promise<InferenceResult> {
    for (;;) {
      const outcome = await this.queue.submit(feeds);
      if (outcome.status === 'done') return outcome.value;
    }
  }

  get busy(): boolean {
    return this.queue.busy;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.queue.cancelWaiting();
    await this.runner.dispose();
  }
}
