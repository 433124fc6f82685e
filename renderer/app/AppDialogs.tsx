/** The shell's dialogs, one at a time: Preferences, About, the shortcut sheet and Export. */
import type { Editor } from '../editor';
import { emitAppEvent } from '../app-events/app-events';
import type { AppDialog } from '../workspace/commands/workspace-command';
import type { WorkspaceState } from '../workspace/workspace-state';
import { AboutDialog } from './AboutDialog';
import { ExportDialog, formatFileSize } from './ExportDialog';
import { PreferencesDialog } from './PreferencesDialog';
import { ShortcutSheetDialog } from './ShortcutSheetDialog';
import type { AppSettingsControl } from './use-app-settings';

interface AppDialogsProps {
  readonly dialog: AppDialog | null;
  readonly state: WorkspaceState;
  readonly editor: Editor | null;
  readonly settings: AppSettingsControl;
  readonly onNotice: (text: string) => void;
  readonly onClose: () => void;
}

export function AppDialogs({
  dialog,
  state,
  editor,
  settings,
  onNotice,
  onClose,
}: AppDialogsProps) {
  switch (dialog) {
    case null:
      return null;
    case 'preferences':
      return (
        <PreferencesDialog
          loaded={settings.loaded}
          inference={state.status?.inference}
          onSave={settings.update}
          onClose={onClose}
        />
      );
    case 'about':
      return <AboutDialog onClose={onClose} />;
    case 'shortcuts':
      return <ShortcutSheetDialog onClose={onClose} />;
    case 'export':
      if (!editor || !state.photo) return null;
      return (
        <ExportDialog
          getDocument={() => editor.document}
          photoFileName={state.photo.info.fileName}
          photoSize={editor.document.photo}
          nativeDialog={state.status?.capabilities.nativeOpenDialog ?? false}
          defaults={settings.loaded?.settings ?? null}
          onExported={(exported) => {
            onClose();
            onNotice(
              `Exported ${exported.fileName} (${exported.width}×${exported.height}, ${formatFileSize(exported.fileBytes)})${exported.edited ? '' : ' — no edit to render yet, the photo as it is'}`,
            );
            emitAppEvent('photo-exported', { path: exported.path, format: exported.format });
          }}
          onClose={onClose}
        />
      );
  }
}
