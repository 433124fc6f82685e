import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../../electron/core/inference/latest-wins';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('LatestWins', () => {
  it('runs the first job, supersedes waiting ones, then runs only the newest', async () => {
    const started: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<void>>>();
    const queue = new LatestWins<number, string>(async (n) => {
      started.push(n);
      const gate = deferred<void>();
      gates.set(n, gate);
      await gate.promise;
      return `result ${n}`;
    });
    const outcomes = Array.from({ length: 5 }, (_, i) => queue.submit(i));
    await Promise.resolve();
    expect(started).toEqual([0]);
    expect(queue.busy).toBe(true);
    gates.get(0)?.resolve();
    await expect(outcomes[0]).resolves.toEqual({ status: 'done', value: 'result 0' });
    for (const i of [1, 2, 3]) await expect(outcomes[i]).resolves.toEqual({ status: 'superseded' });
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 4]);
    gates.get(4)?.resolve();
    await expect(outcomes[4]).resolves.toEqual({ status: 'done', value: 'result 4' });
    expect(queue.busy).toBe(false);
  });

  it('rejects only the job that failed and keeps serving', async () => {
    const queue = new LatestWins<number, number>((n) =>
      n === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(n * 2),
    );
    await expect(queue.submit(1)).rejects.toThrow('boom');
    await expect(queue.submit(2)).resolves.toEqual({ status: 'done', value: 4 });
  });

  it('cancelWaiting resolves the waiting job as superseded', async () => {
    const gate = deferred<void>();
    const queue = new LatestWins<number, number>(async (n) => {
      await gate.promise;
      return n;
    });
    const running = queue.submit(1);
    const waiting = queue.submit(2);
    queue.cancelWaiting();
    await expect(waiting).resolves.toEqual({ status: 'superseded' });
    gate.resolve();
    await expect(running).resolves.toEqual({ status: 'done', value: 1 });
  });
});
