/**
 * The backend's settings methods (Preferences, recent files, the sample photo, About), typed by
 * the contract and spread into the handler object by backend.ts, so Electron's main process and
 * the browser host serve the same ones.
 *
 * A change of execution provider or CPU threads reopens the model session with them: the
 * status then reads `not-loaded` ("Loading the model on CUDA…") until the new session is up,
 * and the renderer polls it to show the progress and the outcome.
 */
import type { BackendHandlers } from '../../../shared/ipc/contract';
import { fail, ok } from '../../../shared/ipc/result';
import type { OpenFileRequest, Settings } from '../../../shared/settings/settings';
import type { InferenceStatus } from '../../../shared/status/app-status';
import type { ProviderPreference } from '../inference/execution-provider';
import type { FaceLocator } from '../faces/face-locator';
import { openPhoto } from '../photos/open-photo';
import type { PhotoStore } from '../photos/photo-store';
import { readAboutInfo } from '../status/about-info';
import type { SettingsStore } from './settings-store';

/** The part of the model owner that settings reach (EditorSynthesis). */
export interface ReconfigurableInference {
  inferenceStatus(): InferenceStatus;
  reconfigure(options: InferenceSettings): Promise<void>;
}

export interface InferenceSettings {
  readonly preference: ProviderPreference;
  /** Undefined: the runtime's default for this machine. */
  readonly threads: number | undefined;
}

/** What the model session should be opened with, from the person's settings. */
export function inferenceSettingsOf(settings: Settings): InferenceSettings {
  return {
    preference: settings.executionProvider,
    threads: settings.cpuThreads === 'auto' ? undefined : settings.cpuThreads,
  };
}

export interface SettingsHandlerDependencies {
  readonly appVersion: string;
  readonly modelsDir: string | null;
  readonly photos: PhotoStore;
  /** Null where nothing is persisted; the defaults are served and changes refused. */
  readonly settings: SettingsStore | null;
  readonly inference: ReconfigurableInference;
  /** The first-run screen's sample photo; null when it is not installed. */
  readonly samplePhoto: string | null;
  /** Files the operating system asked to open (main only); null where there are none. */
  readonly openFileRequests: { take(): OpenFileRequest[] } | null;
  /** Places the sample's work area on its face, like any opened photo. */
  readonly faces?: FaceLocator;
}

export type SettingsHandlers = Pick<
  BackendHandlers,
  | 'getSettings'
  | 'updateSettings'
  | 'clearRecentFiles'
  | 'getAbout'
  | 'openSamplePhoto'
  | 'takeOpenFileRequests'
>;

export function createSettingsHandlers(deps: SettingsHandlerDependencies): SettingsHandlers {
  return {
    async getSettings() {
      if (deps.settings === null) return noSettings();
      return ok(await deps.settings.load());
    },

    async updateSettings(patch) {
      if (deps.settings === null) return noSettings();
      const before = inferenceSettingsOf(deps.settings.current());
      let updated;
      try {
        updated = await deps.settings.update(patch);
      } catch (error) {
        return fail(
          'internal',
          `The settings could not be saved (${error instanceof Error ? error.message : String(error)}). Check that the settings folder is writable.`,
        );
      }
      const after = inferenceSettingsOf(updated.settings);
      if (before.preference !== after.preference || before.threads !== after.threads) {
        // Not awaited: the dialog closes at once and the status bar shows the reload.
        void deps.inference.reconfigure(after);
      }
      return ok(updated);
    },

    async clearRecentFiles() {
      if (deps.settings === null) return noSettings();
      await deps.settings.clearRecentFiles();
      return ok(await deps.settings.load());
    },

    async getAbout() {
      return ok(
        await readAboutInfo({
          appVersion: deps.appVersion,
          modelsDir: deps.modelsDir,
          inference: deps.inference.inferenceStatus(),
        }),
      );
    },

    takeOpenFileRequests() {
      return Promise.resolve(ok(deps.openFileRequests?.take() ?? []));
    },

    openSamplePhoto() {
      if (deps.samplePhoto === null) {
        return Promise.resolve(
          fail(
            'photo-unreadable',
            'The sample photo is not installed with this copy of FaceShop; open one of your own photos instead.',
          ),
        );
      }
      return openPhoto({ source: 'path', path: deps.samplePhoto }, deps.photos, deps.faces);
    },
  };
}

function noSettings() {
  return fail('unsupported', 'This version of FaceShop keeps no settings.');
}
