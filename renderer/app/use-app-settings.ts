/**
 * The person's settings in the shell: loaded from the backend at start, reloaded when the
 * recent files may have changed (a photo or project opened or saved), and updated from
 * Preferences. A change of execution provider or threads reopens the model in the backend;
 * this then asks for the status until the model is up again, so the status bar shows
 * "Loading model…" and then the provider it got and why.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/ipc/result';
import type { LoadedSettings, SettingsPatch } from '../../shared/settings/settings';
import type { AppStatus } from '../../shared/status/app-status';
import { backend } from '../bridge/backend';

export interface AppSettingsControl {
  readonly loaded: LoadedSettings | null;
  readonly reload: () => void;
  readonly update: (patch: SettingsPatch) => Promise<Result<LoadedSettings>>;
  readonly clearRecent: () => void;
}

const STATUS_POLL_MS = 400;
/** A GPU provider that hangs while starting is reported, not waited on forever. */
const STATUS_POLL_LIMIT_MS = 180_000;

export function useAppSettings(onStatus: (status: AppStatus) => void): AppSettingsControl {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const onStatusRef = useRef(onStatus);
  useEffect(() => {
    onStatusRef.current = onStatus;
  });
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (polling.current !== null) clearTimeout(polling.current);
    },
    [],
  );

  const reload = useCallback(() => {
    void backend.getSettings().then((answer) => {
      if (answer.ok) setLoaded(answer.value);
    });
  }, []);
  useEffect(reload, [reload]);

  const watchModelReload = useCallback(() => {
    const started = performance.now();
    const poll = () => {
      void backend.getStatus().then((answer) => {
        if (!answer.ok) return;
        onStatusRef.current(answer.value);
        const loading = answer.value.inference?.state === 'not-loaded';
        if (loading && performance.now() - started < STATUS_POLL_LIMIT_MS) {
          polling.current = setTimeout(poll, STATUS_POLL_MS);
        }
      });
    };
    if (polling.current !== null) clearTimeout(polling.current);
    poll();
  }, []);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const before = loaded?.settings;
      const answer = await backend.updateSettings(patch);
      if (answer.ok) {
        setLoaded(answer.value);
        const after = answer.value.settings;
        if (
          before === undefined ||
          before.executionProvider !== after.executionProvider ||
          before.cpuThreads !== after.cpuThreads
        ) {
          watchModelReload();
        }
      }
      return answer;
    },
    [loaded, watchModelReload],
  );

  const clearRecent = useCallback(() => {
    void backend.clearRecentFiles().then((answer) => {
      if (answer.ok) setLoaded(answer.value);
    });
  }, []);

  return { loaded, reload, update, clearRecent };
}
