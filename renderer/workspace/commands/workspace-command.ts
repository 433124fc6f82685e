/**
 * Workspace commands: actions on the app rather than on the document (opening photos and projects,
 * saving, exporting, the menu's undo, zoom and dialogs). Each is a small declarative entry
 * (STYLE.md 8): its id, label and shortcut come from the command catalog
 * (shared/commands/command-catalog.ts), which the native menu reads too, and the entry adds what
 * it does. The toolbar, the keyboard and the Electron menu all run them by id, so each action
 * exists once. Commands that change the document
 * live in renderer/editor/commands/ and go through the editor's history instead.
 */
import {
  catalogCommand,
  withoutAccessKey,
  type CommandId,
} from '../../../shared/commands/command-catalog';
import type { Editor } from '../../editor';
import type { PhotoOpener } from '../photo-opener';
import type { ProjectFiles } from '../project-files';

export interface WorkspaceCommandContext {
  /** The backend can show a native file dialog (Electron); otherwise the page's own picker. */
  readonly nativeOpenDialog: boolean;
  readonly opener: PhotoOpener;
  /** Opens the page's `<input type=file>` picker; must run inside the user's gesture. */
  readonly pickFileInPage: () => void;
  readonly projects: ProjectFiles;
  /** The page's picker for `.faceshop` files (no native dialog). */
  readonly pickProjectInPage: () => void;
  /** No native save dialog: ask for the project file's path in the page. */
  readonly askSavePath: () => void;
  /** The open document's editor (undo, redo, zoom from the menu), or null. */
  readonly editor: Editor | null;
  /** Shows one of the shell's dialogs (Preferences, About, the shortcut sheet). */
  readonly showDialog: (dialog: AppDialog) => void;
}

export type AppDialog = 'preferences' | 'about' | 'shortcuts' | 'export';

export interface WorkspaceCommand {
  readonly id: string;
  readonly label: string;
  /** Matched by the workspace's key handler; keys the editor's keymap binds are not here. */
  readonly shortcut?: string;
  run(context: WorkspaceCommandContext): void;
}

/**
 * A catalog command's id, label (without its access key) and, where the workspace binds the key,
 * its shortcut. Keys the editor binds stay out, so a key press runs the command once.
 */
export function fromCatalog(id: CommandId): Pick<WorkspaceCommand, 'id' | 'label' | 'shortcut'> {
  const command = catalogCommand(id);
  const label = withoutAccessKey(command.label);
  if (command.shortcut?.boundBy !== 'workspace') return { id, label };
  const { keys } = command.shortcut;
  // The key handler matches one text on every platform (Mod is Cmd or Ctrl).
  if (typeof keys !== 'string') throw new Error(`"${id}": the workspace binds one key everywhere`);
  return { id, label, shortcut: keys };
}

/** Indexes commands by id and refuses two commands with the same id or shortcut. */
export function createCommandRegistry(
  commands: readonly WorkspaceCommand[],
): ReadonlyMap<string, WorkspaceCommand> {
  const byId = new Map<string, WorkspaceCommand>();
  const shortcuts = new Map<string, string>();
  for (const command of commands) {
    if (byId.has(command.id)) throw new Error(`Two commands share the id "${command.id}"`);
    byId.set(command.id, command);
    if (command.shortcut !== undefined) {
      const owner = shortcuts.get(command.shortcut);
      if (owner !== undefined) {
        throw new Error(`"${command.id}" and "${owner}" share the shortcut ${command.shortcut}`);
      }
      shortcuts.set(command.shortcut, command.id);
    }
  }
  return byId;
}
