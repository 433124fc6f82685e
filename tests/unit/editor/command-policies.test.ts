/**
 * The history policy of every command, as one table a reviewer can read (history-policy.ts says
 * why each is what it is). A command added without an entry here fails, so its policy is a
 * decision someone wrote down, not a default.
 */
import { describe, expect, it } from 'vitest';
import * as commands from '../../../renderer/editor/commands';

const EXPECTED: Record<string, 'record' | 'record-keep-redo' | 'ignore' | 'history'> = {
  // The work: recorded, a new step clears redo.
  'add-stroke': 'record',
  erase: 'record',
  'clear-layer': 'record',
  'add-iris-mark': 'record',
  'update-iris-mark': 'record',
  'set-work-area': 'record',
  'apply-result': 'record',
  'new-seed': 'record',
  'add-pasted-region': 'record',
  'set-region-transform': 'record',
  'nudge-region': 'record',
  'remove-pasted-region': 'record',
  'remove-layer': 'record',
  'rename-layer': 'record',
  // Ways of looking at the work: recorded, redo kept.
  'set-layer-visibility': 'record-keep-redo',
  'set-layer-opacity': 'record-keep-redo',
  'set-layer-locked': 'record-keep-redo',
  // Session: never recorded.
  'select-tool': 'ignore',
  'set-active-layer': 'ignore',
  'adjust-brush-size': 'ignore',
  'set-brush-size': 'ignore',
  'set-color': 'ignore',
  'remember-color': 'ignore',
  'pan-view': 'ignore',
  'zoom-view': 'ignore',
  'fit-to-screen': 'ignore',
  'actual-pixels': 'ignore',
  'set-view-size': 'ignore',
  'receive-result': 'ignore',
  'clear-result': 'ignore',
  'set-result-opacity': 'ignore',
  'show-original': 'ignore',
  // History navigation itself.
  undo: 'history',
  redo: 'history',
};

describe('command history policies', () => {
  const all = Object.values(commands);

  it('every command has a unique id', () => {
    const ids = all.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every command declares the policy in the table', () => {
    const declared = Object.fromEntries(
      all.map((command) => [command.id, command.kind === 'history' ? 'history' : command.history]),
    );
    expect(declared).toEqual(EXPECTED);
  });
});
