/**
 * Keyboard shortcuts written as "Mod+O", "Shift+Mod+Z": "Mod" is Cmd on macOS and Ctrl
 * elsewhere, the last part is the key. Kept as strings so commands can declare them as data.
 */

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export function matchesShortcut(shortcut: string, press: KeyPress, isMac: boolean): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()?.toLowerCase();
  const wanted = new Set(parts);
  const mod = isMac ? press.metaKey : press.ctrlKey;
  const otherCommandKey = isMac ? press.ctrlKey : press.metaKey;
  return (
    key === press.key.toLowerCase() &&
    mod === wanted.has('Mod') &&
    press.shiftKey === wanted.has('Shift') &&
    press.altKey === wanted.has('Alt') &&
    !otherCommandKey
  );
}

/** How a shortcut is shown in menus and tooltips on this platform. */
export function describeShortcut(shortcut: string, isMac: boolean): string {
  return shortcut
    .split('+')
    .map((part) => (part === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : part))
    .join(isMac ? '' : '+');
}
