/**
 * The training code's own unit tests (models/training/tests, Python unittest) as part of the one
 * gate. They need Debian's python3-torch and python3-opencv; where those are missing the test is
 * skipped with the reason printed, as `.ci/run` installs them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/repo-paths';

const probe = spawnSync('/usr/bin/python3', ['-c', 'import torch, cv2, numpy'], {
  stdio: 'ignore',
});
const available = probe.status === 0;
if (!available)
  console.log(
    'skipping the Python training tests: /usr/bin/python3 lacks torch, cv2 or numpy (apt-get install python3-torch python3-opencv)',
  );

describe.skipIf(!available)('models/training (Python)', () => {
  it('passes its unittest suite', () => {
    const run = spawnSync(
      '/usr/bin/python3',
      ['-m', 'unittest', 'discover', '-s', path.join('models', 'training', 'tests')],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, OMP_NUM_THREADS: '1' },
      },
    );
    const summary = `${run.stdout}\n${run.stderr}`;
    expect(summary, summary).toMatch(/\nOK/);
    expect(run.status, summary).toBe(0);
  }, 120_000);
});
