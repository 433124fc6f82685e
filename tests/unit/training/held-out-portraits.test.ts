/**
 * The portraits held out of training and tuning are named twice — in models/training/portraits.py
 * (the trainer, the refiner) and in tests/bench/portrait-parts.ts (the evaluations on them: detail-eval.ts, edit-eval.ts) — and
 * must be the same 20 names, or the evaluation would score portraits the model was trained on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/repo-paths';

const namesIn = (file: string, from: string, to: string): string[] => {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const block = text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
  return [...block.matchAll(/["']((?:london|canada)\/[0-9a-z_]+)["']/g)].map((m) => m[1] as string);
};

describe('held-out portraits', () => {
  it('the trainer and the evaluation hold out the same 20 portraits', () => {
    const python = namesIn('models/training/portraits.py', 'HELD_OUT = [', ']');
    const typescript = namesIn('tests/bench/portrait-parts.ts', 'HELD_OUT_PORTRAITS = [', '];');
    expect(python).toHaveLength(20);
    expect([...typescript].sort()).toEqual([...python].sort());
  });
});
