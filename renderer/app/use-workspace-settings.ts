/**
 * The person's settings as the workspace uses them: Preferences reach the autosaver, a damaged
 * settings file is reported once, in words, and opening or saving reloads them (the recent
 * files changed).
 */
import { useEffect } from 'react';
import type { WorkspaceController } from '../workspace/workspace-controller';
import type { WorkspaceState } from '../workspace/workspace-state';
import { useAppSettings, type AppSettingsControl } from './use-app-settings';

export function useWorkspaceSettings(
  controller: WorkspaceController,
  state: WorkspaceState,
): AppSettingsControl {
  const appSettings = useAppSettings((status) =>
    controller.dispatch({ type: 'status-loaded', status }),
  );
  const autosaveSeconds = appSettings.loaded?.settings.autosaveIntervalSeconds;
  useEffect(() => {
    if (autosaveSeconds !== undefined) controller.setAutosaveInterval(autosaveSeconds);
  }, [controller, autosaveSeconds]);
  const warnings = appSettings.loaded?.warnings.join(' ') ?? '';
  useEffect(() => {
    if (warnings !== '') controller.dispatch({ type: 'info', text: warnings });
  }, [controller, warnings]);
  const { reload } = appSettings;
  useEffect(reload, [reload, state.photo?.photoId, state.project?.path]);
  return appSettings;
}
