/**
 * Latest-wins scheduling (DESIGN.md, "Synthesis is latest-wins"): at most one job runs; one more
 * may wait. A newer submission replaces the waiting one, which resolves as `superseded` at once,
 * so a burst of strokes costs one inference for the newest state, never a backlog. The running
 * job is not interrupted (onnxruntime cannot abort a run midway); its result still resolves, and
 * callers drop it by revision if it is stale.
 */

export type Outcome<R> =
  { readonly status: 'done'; readonly value: R } | { readonly status: 'superseded' };

interface Waiting<Q, R> {
  readonly request: Q;
  readonly resolve: (outcome: Outcome<R>) => void;
  readonly reject: (error: unknown) => void;
}

export class LatestWins<Q, R> {
  private running = false;
  private waiting: Waiting<Q, R> | null = null;

  constructor(private readonly work: (request: Q) => Promise<R>) {}

  /** Whether a job is running or waiting. */
  get busy(): boolean {
    return this.running || this.waiting !== null;
  }

  submit(request: Q): Promise<Outcome<R>> {
    return new Promise<Outcome<R>>((resolve, reject) => {
      this.waiting?.resolve({ status: 'superseded' });
      this.waiting = { request, resolve, reject };
      if (!this.running) void this.drain();
    });
  }

  /** Resolves the waiting job, if any, as superseded (e.g. the photo was closed). */
  cancelWaiting(): void {
    this.waiting?.resolve({ status: 'superseded' });
    this.waiting = null;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting) {
      const job = this.waiting;
      this.waiting = null;
      try {
        job.resolve({ status: 'done', value: await this.work(job.request) });
      } catch (error) {
        job.reject(error);
      }
    }
    this.running = false;
  }
}
