/**
 * The keyboard shortcut sheet's content, derived from the same declarations the keymap is
 * built from (the editor's commands, the tool catalog, the hold keys) and from the workspace
 * commands (whose labels and keys come from the command catalog, shared/commands/), so a new
 * shortcut appears on the sheet without anyone remembering to add it. Keys are shown by
 * describeShortcut, which reads them with the one key-chord parser.
 */
import { commands } from '../editor';
import type { WorkspaceCommand } from '../workspace/commands/workspace-command';
import { describeShortcut } from '../workspace/commands/shortcut';

export interface ShortcutRow {
  readonly label: string;
  /** As displayed on this platform, e.g. "Ctrl+Shift+Z", "⌘0", "Space (hold)". */
  readonly keys: readonly string[];
}

export interface ShortcutGroup {
  readonly title: string;
  readonly rows: readonly ShortcutRow[];
}

interface DeclaredShortcut {
  readonly keys: string;
  readonly args?: unknown;
}

interface DeclaringCommand {
  readonly id: string;
  readonly label: string | ((args: never, state: never) => string);
  readonly shortcuts?: readonly DeclaredShortcut[];
}

/** Commands whose shortcuts belong to the tools group rather than the edit/view groups. */
const TOOL_COMMANDS = new Set(['select-tool', 'adjust-brush-size']);
const VIEW_COMMANDS = new Set(['zoom-view', 'fit-to-screen', 'actual-pixels', 'pan-view']);

function labelOf(command: DeclaringCommand, shortcut: DeclaredShortcut): string {
  if (command.id === 'zoom-view') {
    const factor = (shortcut.args as { factor?: number } | undefined)?.factor ?? 1;
    return factor > 1 ? 'Zoom in' : 'Zoom out';
  }
  if (typeof command.label === 'string') return command.label;
  // Labels computed from a shortcut's arguments (a tool, a direction) read no editor state;
  // those that name a layer ("Move Eyes") do, and get their command's name instead.
  try {
    return (command.label as (args: unknown, state: unknown) => string)(shortcut.args, undefined);
  } catch {
    return humanize(command.id);
  }
}

/** "remove-pasted-region" → "Remove pasted region". */
function humanize(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isDeclaringCommand(value: unknown): value is DeclaringCommand {
  return typeof value === 'object' && value !== null && 'id' in value && 'label' in value;
}

/** Rows with the same label are merged: "Zoom in  Ctrl+=, Ctrl++". */
function addRow(rows: Map<string, string[]>, label: string, keys: string): void {
  const list = rows.get(label) ?? [];
  if (!list.includes(keys)) list.push(keys);
  rows.set(label, list);
}

function toRows(rows: Map<string, string[]>): ShortcutRow[] {
  return [...rows].map(([label, keys]) => ({ label, keys }));
}

export function shortcutSheet(
  workspaceCommands: Iterable<WorkspaceCommand>,
  isMac: boolean,
): ShortcutGroup[] {
  const shown = (keys: string) => describeShortcut(keys, isMac);
  const file = new Map<string, string[]>();
  const tools = new Map<string, string[]>();
  const edit = new Map<string, string[]>();
  const view = new Map<string, string[]>();
  const help = new Map<string, string[]>();

  for (const command of workspaceCommands) {
    if (!command.shortcut) continue;
    const group = command.id.startsWith('file.') ? file : help;
    addRow(group, command.label.replace(/…$/, ''), shown(command.shortcut));
  }
  addRow(help, 'Keyboard Shortcuts', '?');

  for (const command of Object.values(commands as Record<string, unknown>).filter(
    isDeclaringCommand,
  )) {
    for (const shortcut of command.shortcuts ?? []) {
      const group = TOOL_COMMANDS.has(command.id)
        ? tools
        : VIEW_COMMANDS.has(command.id)
          ? view
          : edit;
      addRow(group, labelOf(command, shortcut), shown(shortcut.keys));
    }
  }
  // The hold keys (default-keymap.ts HOLD_BINDINGS) act while held.
  addRow(view, 'Pan (hold)', 'Space');
  addRow(edit, 'Before/after (hold)', '\\');

  return [
    { title: 'File', rows: toRows(file) },
    { title: 'Tools', rows: toRows(tools) },
    { title: 'Edit', rows: toRows(edit) },
    { title: 'View', rows: toRows(view) },
    { title: 'Help', rows: toRows(help) },
  ].filter((group) => group.rows.length > 0);
}
