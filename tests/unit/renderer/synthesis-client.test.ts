/**
 * The live re-synthesis client against a scripted backend: which requests it sends, which
 * answers it shows, and what it drops (STYLE.md 4: latest wins, stale results never show).
 */
import { describe, expect, it } from 'vitest';
import type { BackendApi } from '../../../shared/ipc/contract';
import type {
  SynthesizeRequest,
  SynthesizeResponse,
} from '../../../shared/synthesis/synthesis-api';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { ResultStore } from '../../../renderer/synthesis/result-store';
import {
  SynthesisClient,
  type SynthesisFailure,
  type SynthesisShown,
} from '../../../renderer/synthesis/synthesis-client';
import { TestEditor } from '../editor/test-editor';

interface PendingCall {
  readonly request: SynthesizeRequest;
  answer(result: Result<SynthesizeResponse>): Promise<void>;
}

/** A backend whose answers the test gives, one call at a time. */
function scriptedBackend() {
  const calls: PendingCall[] = [];
  const synthesize: BackendApi['synthesize'] = (request) =>
    new Promise((resolve) => {
      calls.push({
        request: request as SynthesizeRequest,
        answer: async (result) => {
          resolve(result);
          // Let the client's `then` run before the test looks.
          await Promise.resolve();
          await Promise.resolve();
        },
      });
    });
  return { calls, synthesize };
}

function done(call: PendingCall, value = 7): Result<SynthesizeResponse> {
  const { requestId, revision, document } = call.request;
  return ok({
    status: 'done',
    requestId,
    revision,
    result: {
      workArea: document.workArea,
      resolution: 2,
      rgba: new Uint8Array(16).fill(value),
      inferenceMs: 40,
      backendMs: 50,
    },
  });
}

function setUp() {
  const t = new TestEditor();
  const backend = scriptedBackend();
  const results = new ResultStore();
  let clock = 1000;
  const client = new SynthesisClient(t.editor, backend.synthesize, results, { now: () => clock });
  client.start();
  const shown: SynthesisShown[] = [];
  const failed: SynthesisFailure[] = [];
  client.shown.subscribe((event) => shown.push(event));
  client.failed.subscribe((event) => failed.push(event));
  const advance = (ms: number) => (clock += ms);
  return { t, backend, results, client, shown, failed, advance };
}

describe('the synthesis client', () => {
  it('asks nothing while there is no mask to fill', () => {
    const { t, backend } = setUp();
    t.press('S').drag([100, 100], [200, 100]);
    expect(backend.calls).toEqual([]);
    expect(t.session.result).toBeNull();
  });

  it('sends the document at its revision, shows the answer, and times pointer-up → drawn', async () => {
    const { t, backend, results, client, shown, advance } = setUp();
    t.press('B').drag([300, 300], [400, 300]);
    expect(backend.calls).toHaveLength(1);
    const call = backend.calls[0] as PendingCall;
    expect(call.request.revision).toBe(t.editor.revision);
    expect(call.request.document).toBe(t.document);
    expect(client.getStatus().running).toBe(true);

    advance(120);
    await call.answer(done(call));
    const result = t.session.result;
    expect(result?.revision).toBe(t.editor.revision);
    expect(results.get(result?.assetId ?? '')?.rgba[0]).toBe(7);
    expect(client.getStatus()).toMatchObject({ running: false, lastRoundTripMs: 120, error: null });

    advance(30);
    client.resultDrawn(result?.assetId ?? '');
    expect(shown).toEqual([
      expect.objectContaining({
        revision: call.request.revision,
        latencyMs: 150,
        roundTripMs: 120,
      }),
    ]);
    // Drawn again (a repaint) is not shown again.
    client.resultDrawn(result?.assetId ?? '');
    expect(shown).toHaveLength(1);
  });

  it('shows only the newest revision: superseded and stale answers are dropped', async () => {
    const { t, backend, results, client } = setUp();
    t.press('B').drag([300, 300], [400, 300]);
    t.press('S').drag([300, 320], [400, 320]);
    expect(backend.calls.map((call) => call.request.revision)).toEqual([2, 3]);
    const [first, second] = backend.calls as [PendingCall, PendingCall];

    // A late "done" for the older revision must not show, nor count as a refusal.
    await first.answer(done(first, 1));
    expect(t.session.result).toBeNull();
    expect(t.refusals).toEqual([]);
    expect(client.getStatus().running).toBe(true);

    await second.answer(done(second, 2));
    expect(t.session.result?.revision).toBe(3);
    expect(results.size).toBe(1);
    expect(client.getStatus().running).toBe(false);
  });

  it('keeps the last result on screen while a superseded request gives way', async () => {
    const { t, backend } = setUp();
    t.press('B').drag([300, 300], [400, 300]);
    const first = backend.calls[0] as PendingCall;
    await first.answer(done(first));
    const shownResult = t.session.result;
    t.drag([300, 340], [400, 340]);
    t.drag([300, 360], [400, 360]);
    const [, overtaken, newest] = backend.calls as [PendingCall, PendingCall, PendingCall];
    await overtaken.answer(
      ok({ status: 'superseded', requestId: overtaken.request.requestId, revision: 3 }),
    );
    expect(t.session.result).toBe(shownResult);
    await newest.answer(done(newest));
    expect(t.session.result?.revision).toBe(4);
  });

  it('drops the result when the mask is undone, without asking the backend', async () => {
    const { t, backend, results } = setUp();
    t.press('B').drag([300, 300], [400, 300]);
    const call = backend.calls[0] as PendingCall;
    await call.answer(done(call));
    expect(t.session.result).not.toBeNull();
    t.press('Mod+Z');
    expect(backend.calls).toHaveLength(1);
    expect(t.session.result).toBeNull();
    expect(results.size).toBe(0);
  });

  it('reports a failure in words and keeps editing; the next answer clears it', async () => {
    const { t, backend, client, failed } = setUp();
    t.press('B').drag([300, 300], [400, 300]);
    const first = backend.calls[0] as PendingCall;
    await first.answer(fail('model-unavailable', 'Model not installed.'));
    expect(client.getStatus()).toMatchObject({
      running: false,
      error: { code: 'model-unavailable', message: 'Model not installed.' },
    });
    expect(failed).toEqual([
      { revision: 2, requestId: first.request.requestId, error: expect.anything() },
    ]);

    t.drag([300, 340], [400, 340]);
    expect(t.strokes('mask')).toHaveLength(2);
    const second = backend.calls[1] as PendingCall;
    await second.answer(done(second));
    expect(client.getStatus().error).toBeNull();
    expect(t.session.result?.revision).toBe(3);
  });

  it('stops listening when stopped: later answers belong to nobody', async () => {
    const { t, backend, client } = setUp();
    t.press('B').drag([300, 300], [400, 300]);
    client.stop();
    const call = backend.calls[0] as PendingCall;
    await call.answer(done(call));
    expect(t.session.result).toBeNull();
    t.drag([300, 340], [400, 340]);
    expect(backend.calls).toHaveLength(1);
  });
});

describe('the result at the view’s resolution', () => {
  it('sends the side the view shows, and asks again for the same revision once zoomed in', async () => {
    const t = new TestEditor();
    const backend = scriptedBackend();
    const results = new ResultStore();
    let side = 400;
    const client = new SynthesisClient(t.editor, backend.synthesize, results, {
      previewSide: () => side,
    });
    client.start();
    t.press('B').drag([300, 300], [400, 300]);
    const first = backend.calls[0] as PendingCall;
    expect(first.request.previewSide).toBe(400);
    await first.answer(done(first));
    // The result (2 px) is coarser than the view shows it (400 px): refresh asks again.
    client.refresh();
    expect(backend.calls).toHaveLength(2);
    const second = backend.calls[1] as PendingCall;
    expect(second.request.revision).toBe(first.request.revision);
    // While it runs, nothing more is asked.
    side = 4000;
    client.refresh();
    expect(backend.calls).toHaveLength(2);
    const size = second.request.document.workArea.size;
    await second.answer(
      ok({
        status: 'done',
        requestId: second.request.requestId,
        revision: second.request.revision,
        result: {
          workArea: second.request.document.workArea,
          resolution: size,
          rgba: new Uint8Array(4 * 4).fill(9),
          region: { x: 10, y: 10, width: 2, height: 2 },
          inferenceMs: 40,
          backendMs: 50,
        },
      }),
    );
    const shownResult = results.get(t.session.result?.assetId ?? '');
    expect(shownResult?.region).toEqual({ x: 10, y: 10, width: 2, height: 2 });
    // At full resolution already: zooming further asks nothing.
    client.refresh();
    expect(backend.calls).toHaveLength(2);
  });
});
