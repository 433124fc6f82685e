import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmptyDocument, type FaceDocument } from '../../../shared/document';
import type { Result } from '../../../shared/ipc/result';
import type { Autosaved } from '../../../shared/project/project-api';
import { Autosaver } from '../../../renderer/workspace/autosaver';

const document: FaceDocument = createEmptyDocument(
  { assetId: 'photo-1', width: 64, height: 64 },
  7,
);

function setup(unsaved = true) {
  const answers: ((result: Result<Autosaved>) => void)[] = [];
  const autosave = vi.fn(() => new Promise<Result<Autosaved>>((resolve) => answers.push(resolve)));
  const state = { unsaved };
  const saver = new Autosaver({
    autosave,
    document: () => document,
    hasUnsavedChanges: () => state.unsaved,
    projectPath: () => '/projects/a.faceshop',
    intervalMs: 60_000,
    debounceMs: 1_000,
    stepsPerAutosave: 3,
  });
  const answer = () =>
    answers.shift()?.({
      ok: true,
      value: { savedAt: new Date(0).toISOString(), unchanged: false },
    });
  return { saver, autosave, state, answer };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves every interval, only while there are unsaved changes', async () => {
    const { saver, autosave, state, answer } = setup(false);
    saver.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(autosave).not.toHaveBeenCalled();
    state.unsaved = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(autosave).toHaveBeenCalledWith({ document, projectPath: '/projects/a.faceshop' });
    answer();
    saver.stop();
  });

  it('debounces significant changes and counts steps', async () => {
    const { saver, autosave, answer } = setup();
    saver.significantChange();
    saver.significantChange();
    await vi.advanceTimersByTimeAsync(999);
    expect(autosave).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(autosave).toHaveBeenCalledOnce();
    answer();
    await vi.advanceTimersByTimeAsync(0);
    saver.stepRecorded();
    saver.stepRecorded();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(autosave).toHaveBeenCalledOnce();
    saver.stepRecorded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(autosave).toHaveBeenCalledTimes(2);
    answer();
  });

  it('runs one at a time and folds requests made meanwhile into one follow-up', async () => {
    const { saver, autosave, answer } = setup();
    saver.saveNow();
    saver.saveNow();
    saver.saveNow();
    expect(autosave).toHaveBeenCalledOnce();
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave).toHaveBeenCalledTimes(2);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave).toHaveBeenCalledTimes(2);
  });
});
