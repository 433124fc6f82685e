/** Help → Keyboard Shortcuts (also "?" and Ctrl/⌘+/): every shortcut, grouped, for this platform. */
import { useMemo } from 'react';
import { workspaceCommands } from '../workspace/commands';
import { ModalDialog } from './ModalDialog';
import { isMac } from './platform';
import { shortcutSheet } from './shortcut-sheet';

export function ShortcutSheetDialog({ onClose }: { readonly onClose: () => void }) {
  const groups = useMemo(() => shortcutSheet(workspaceCommands.values(), isMac), []);
  return (
    <ModalDialog title="Keyboard shortcuts" testId="shortcut-sheet" onClose={onClose} wide>
      <div className="shortcut-sheet">
        {groups.map((group) => (
          <section key={group.title} className="shortcut-sheet__group">
            <h3>{group.title}</h3>
            <table>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={row.label}>
                    <td>{row.label}</td>
                    <td className="shortcut-sheet__keys">
                      {row.keys.map((keys) => (
                        <kbd key={keys}>{keys}</kbd>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
