/**
 * The workspace's keyboard: workspace commands by their shortcuts (anywhere), then the editor's
 * keymap (outside text fields), and "?" for the shortcut sheet, as in most editors. Key-ups
 * always reach the editor, and leaving the window releases its hold keys.
 */
import { useEffect, useEffectEvent } from 'react';
import { workspaceCommands } from '../workspace/commands';
import { matchesShortcut } from '../workspace/commands/shortcut';
import type { WorkspaceController } from '../workspace/workspace-controller';
import { isMac } from './platform';

/** Keys typed into these go to the field, not to the editor's shortcuts. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    ['text', 'search', 'number', 'email', 'url', 'password'].includes(target.type)
  );
}

export function useWorkspaceKeys(controller: WorkspaceController, onShortcutSheet: () => void) {
  const showSheet = useEffectEvent(onShortcutSheet);
  useEffect(() => {
    const { session } = controller;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !isTextEntry(event.target)) {
        event.preventDefault();
        showSheet();
      }
      for (const command of workspaceCommands.values()) {
        if (command.shortcut && matchesShortcut(command.shortcut, event, isMac)) {
          event.preventDefault();
          controller.runCommand(command.id);
          return;
        }
      }
      const current = session.getEditor();
      if (!current || isTextEntry(event.target)) return;
      if (current.keyDown(event)) event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      // Released even in a text field: a held key must never stay down.
      if (session.getEditor()?.keyUp(event)) event.preventDefault();
    };
    const onBlur = () => {
      // Keys released while another window had focus never arrive here.
      const current = session.getEditor();
      current?.keyUp({ key: ' ' });
      current?.keyUp({ key: '\\' });
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, [controller]);
}
