/**
 * What the backend asks of the page: files to open (File → Open Recent, a double-clicked file,
 * including those asked for before this page listened) and menu commands (the Electron menu
 * sends command ids; the browser host never does).
 */
import { useEffect } from 'react';
import { backend, onBackendEvent } from '../bridge/backend';
import type { WorkspaceController } from '../workspace/workspace-controller';

export function useBackendEvents(controller: WorkspaceController) {
  useEffect(() => {
    const offOpen = onBackendEvent('openFile', (request) => controller.openRequest(request));
    void backend.takeOpenFileRequests().then((answer) => {
      if (answer.ok) for (const request of answer.value) controller.openRequest(request);
    });
    const offMenu = onBackendEvent('menuCommand', (commandId) => controller.runCommand(commandId));
    return () => {
      offOpen();
      offMenu();
    };
  }, [controller]);
}
