/**
 * Workspace commands: actions on the app rather than on the document (opening photos and projects,
 * saving; exporting later). Each is a small declarative entry (STYLE.md 8) with an id, a
 * label, an optional shortcut and what it does. The toolbar, the keyboard and the Electron
 * menu all run them by id, so each action exists once. Commands that change the document
 * live in renderer/editor/commands/ and go through the editor's history instead.
 */
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
  readonly shortcut?: string;
  run(context: WorkspaceCommandContext): void;
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
