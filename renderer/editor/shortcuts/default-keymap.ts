/**
 * The editor's keymap, derived from the commands' own declarations (each command lists its
 * shortcuts; this file only collects them) plus the two hold keys: Space for the hand and the
 * before/after key. Everything goes through one registry, so a letter claimed twice fails at
 * start-up instead of doing one of two things. The keys the native menu shows for undo, redo and
 * the view come from the command catalog (shared/commands/command-catalog.ts); a unit test
 * (tests/unit/shared/command-catalog.test.ts) checks that this keymap runs the same command on
 * each of them, on every platform.
 */
import { actualPixels } from '../commands/actual-pixels';
import { adjustBrushSize } from '../commands/adjust-brush-size';
import type { ChangeCommand, CommandOutcome, HistoryCommand } from '../commands/command';
import { fitToScreen } from '../commands/fit-to-screen';
import { nudgeRegion } from '../commands/nudge-region';
import { redo } from '../commands/redo';
import { removePastedRegion } from '../commands/remove-pasted-region';
import { selectTool } from '../commands/select-tool';
import { SHOW_ORIGINAL_HOLD_KEY, showOriginal } from '../commands/show-original';
import { undo } from '../commands/undo';
import { zoomView } from '../commands/zoom-view';
import type { EditorState } from '../state/editor-state';
import type { Platform } from '../../../shared/commands/key-chord';
import { ShortcutRegistry, type ShortcutBinding } from './shortcut-registry';

/** What a key binding may ask of the editor. */
export interface KeyTarget {
  run<Args>(command: ChangeCommand<Args>, args: Args): CommandOutcome;
  runHistory(command: HistoryCommand): boolean;
  /** Space: the hand tool while held. */
  holdPan(held: boolean): void;
}

export type KeyAction =
  | {
      readonly kind: 'press';
      readonly invoke: (target: KeyTarget) => void;
      /** False: the key is not the editor's right now (see ChangeCommand.keysApply). */
      readonly applies?: (state: EditorState) => boolean;
    }
  | {
      readonly kind: 'hold';
      readonly down: (target: KeyTarget) => void;
      readonly up: (target: KeyTarget) => void;
    };

export function changeCommandBindings<Args>(
  command: ChangeCommand<Args>,
): ShortcutBinding<KeyAction>[] {
  return (command.shortcuts ?? []).map((shortcut) => {
    // Shortcuts of argument-less commands carry no `args`; those commands take undefined.
    const args = ('args' in shortcut ? shortcut.args : undefined) as Args;
    return {
      keys: shortcut.keys,
      commandId: command.id,
      action: {
        kind: 'press',
        invoke: (target) => void target.run(command, args),
        ...(command.keysApply ? { applies: command.keysApply } : {}),
      },
    };
  });
}

export function historyCommandBindings(command: HistoryCommand): ShortcutBinding<KeyAction>[] {
  return command.shortcuts.map((shortcut) => ({
    keys: shortcut.keys,
    commandId: command.id,
    action: { kind: 'press', invoke: (target) => void target.runHistory(command) },
  }));
}

export const HOLD_BINDINGS: readonly ShortcutBinding<KeyAction>[] = [
  {
    keys: 'Space',
    commandId: 'hold-pan',
    action: {
      kind: 'hold',
      down: (target) => target.holdPan(true),
      up: (target) => target.holdPan(false),
    },
  },
  {
    keys: SHOW_ORIGINAL_HOLD_KEY,
    commandId: showOriginal.id,
    action: {
      kind: 'hold',
      down: (target) => void target.run(showOriginal, true),
      up: (target) => void target.run(showOriginal, false),
    },
  },
];

export function defaultKeyBindings(): ShortcutBinding<KeyAction>[] {
  return [
    ...historyCommandBindings(undo),
    ...historyCommandBindings(redo),
    ...changeCommandBindings(selectTool),
    ...changeCommandBindings(adjustBrushSize),
    ...changeCommandBindings(zoomView),
    ...changeCommandBindings(fitToScreen),
    ...changeCommandBindings(actualPixels),
    ...changeCommandBindings(nudgeRegion),
    ...changeCommandBindings(removePastedRegion),
    ...HOLD_BINDINGS,
  ];
}

export function createDefaultKeymap(platform: Platform): ShortcutRegistry<KeyAction> {
  const registry = new ShortcutRegistry<KeyAction>(platform);
  for (const binding of defaultKeyBindings()) registry.register(binding);
  return registry;
}
