/**
 * Maps key chords to what they do, and refuses ambiguity when a binding is registered, not when
 * the key is pressed: two commands on one chord is a programming error that should fail the
 * first test run, not make a key do one of two things depending on registration order.
 * Chords are checked for every platform, since "Mod+Y" and "Ctrl+Y" collide only off macOS.
 */
import {
  chordId,
  chordOfInput,
  parseShortcut,
  type KeyInput,
  type Platform,
} from '../../../shared/commands/key-chord';

export interface ShortcutBinding<Action> {
  /** As written in the command, e.g. "Mod+Shift+Z". */
  readonly keys: string;
  /** For messages and for looking shortcuts up by command (menus, tooltips). */
  readonly commandId: string;
  readonly action: Action;
}

export class AmbiguousShortcutError extends Error {}

const PLATFORMS: readonly Platform[] = ['mac', 'other'];

export class ShortcutRegistry<Action> {
  private readonly byPlatform = new Map<Platform, Map<string, ShortcutBinding<Action>>>(
    PLATFORMS.map((platform) => [platform, new Map()]),
  );

  constructor(private readonly platform: Platform) {}

  register(binding: ShortcutBinding<Action>): void {
    const ids = PLATFORMS.map(
      (platform) => [platform, chordId(parseShortcut(binding.keys, platform))] as const,
    );
    for (const [platform, id] of ids) {
      const existing = this.table(platform).get(id);
      if (existing) {
        throw new AmbiguousShortcutError(
          `shortcut "${binding.keys}" (${id} on ${platform}) is bound to both ` +
            `"${existing.commandId}" and "${binding.commandId}"`,
        );
      }
    }
    for (const [platform, id] of ids) this.table(platform).set(id, binding);
  }

  /** The binding a key press triggers on this registry's platform. */
  match(input: KeyInput): ShortcutBinding<Action> | undefined {
    return this.table(this.platform).get(chordId(chordOfInput(input)));
  }

  /** Every binding of a command, in registration order (for menus and tooltips). */
  bindingsOf(commandId: string): ShortcutBinding<Action>[] {
    return [...this.table(this.platform).values()].filter(
      (binding) => binding.commandId === commandId,
    );
  }

  private table(platform: Platform): Map<string, ShortcutBinding<Action>> {
    const table = this.byPlatform.get(platform);
    if (!table) throw new Error(`no shortcut table for ${platform}`);
    return table;
  }
}
