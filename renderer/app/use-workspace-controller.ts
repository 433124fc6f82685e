/**
 * The one workspace controller of the page (renderer/workspace/workspace-controller.ts), started
 * while the shell is mounted, and its state for rendering.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { backend, bridgeAvailable } from '../bridge/backend';
import { WorkspaceController, type WorkspaceShell } from '../workspace/workspace-controller';
import type { WorkspaceState } from '../workspace/workspace-state';
import { isMac } from './platform';

/**
 * `shell` is read once, when the controller is made: its functions must stay valid for the
 * page's life (state setters, refs read at call time, stable callbacks).
 */
export function useWorkspaceController(shell: WorkspaceShell): {
  readonly controller: WorkspaceController;
  readonly state: WorkspaceState;
} {
  const [controller] = useState(
    () =>
      new WorkspaceController({
        backend,
        backendConnected: bridgeAvailable,
        platform: isMac ? 'mac' : 'other',
        shell,
      }),
  );
  useEffect(() => controller.start(), [controller]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  return { controller, state };
}
