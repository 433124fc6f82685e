/** Closing with unsaved edits asks first (in Electron, main's will-prevent-unload dialog). */
import { useEffect } from 'react';
import type { WorkspaceController } from '../workspace/workspace-controller';

export function useUnloadGuard(controller: WorkspaceController) {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (controller.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [controller]);
}
