/**
 * Preferences (Ctrl/⌘+,): the execution provider and CPU threads the model runs with, the
 * default export format and quality, and the autosave interval. The active provider and the
 * reason it was chosen are shown from the backend's status, e.g. "CUDA unavailable:
 * libcudart.so.12 … — using CPU", so a person with a GPU can see why it is not used.
 */
import { useState, type FormEvent } from 'react';
import {
  MAX_AUTOSAVE_SECONDS,
  MIN_AUTOSAVE_SECONDS,
  PROVIDER_SETTING_LABELS,
  ProviderSettingSchema,
  type LoadedSettings,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings/settings';
import type { Result } from '../../shared/ipc/result';
import type { InferenceStatus } from '../../shared/status/app-status';
import { inferenceLabel } from './inference-label';
import { ModalDialog } from './ModalDialog';

interface PreferencesDialogProps {
  readonly loaded: LoadedSettings | null;
  readonly inference: InferenceStatus | undefined;
  readonly onSave: (patch: SettingsPatch) => Promise<Result<LoadedSettings>>;
  readonly onClose: () => void;
}

const MAX_THREADS_OFFERED = Math.max(1, Math.min(64, navigator.hardwareConcurrency || 8));

export function PreferencesDialog({ loaded, inference, onSave, onClose }: PreferencesDialogProps) {
  if (!loaded) {
    return (
      <ModalDialog title="Preferences" testId="preferences-dialog" onClose={onClose}>
        <p className="modal__dim">Reading the settings…</p>
      </ModalDialog>
    );
  }
  return (
    <PreferencesForm loaded={loaded} inference={inference} onSave={onSave} onClose={onClose} />
  );
}

function PreferencesForm({
  loaded,
  inference,
  onSave,
  onClose,
}: PreferencesDialogProps & { readonly loaded: LoadedSettings }) {
  const [draft, setDraft] = useState<Settings>(loaded.settings);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const answer = await onSave({
      executionProvider: draft.executionProvider,
      cpuThreads: draft.cpuThreads,
      exportFormat: draft.exportFormat,
      jpegQuality: draft.jpegQuality,
      webpQuality: draft.webpQuality,
      autosaveIntervalSeconds: draft.autosaveIntervalSeconds,
    });
    setSaving(false);
    if (answer.ok) onClose();
    else setError(answer.error.message);
  };

  const providerChanged =
    draft.executionProvider !== loaded.settings.executionProvider ||
    draft.cpuThreads !== loaded.settings.cpuThreads;

  return (
    <ModalDialog
      title="Preferences"
      testId="preferences-dialog"
      onClose={onClose}
      footer={
        <>
          <span className="modal__dim modal__footer-note">
            {loaded.filePath ? `Stored in ${loaded.filePath}` : ''}
          </span>
          <button type="button" className="toolbar__button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="preferences-form"
            className="toolbar__button modal__primary"
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <form id="preferences-form" className="preferences" onSubmit={(e) => void submit(e)}>
        {loaded.warnings.length > 0 && (
          <div className="modal__warning" role="alert" data-testid="settings-warnings">
            {loaded.warnings.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          </div>
        )}
        <fieldset>
          <legend>Model</legend>
          <div className="preferences__active" data-testid="preferences-provider-status">
            <strong>{inference ? inferenceLabel(inference) : 'Connecting…'}</strong>
            {inference && <span className="modal__dim">{inference.message}</span>}
          </div>
          <label>
            Execution provider
            <select
              value={draft.executionProvider}
              onChange={(e) =>
                set('executionProvider', ProviderSettingSchema.parse(e.currentTarget.value))
              }
            >
              {ProviderSettingSchema.options.map((option) => (
                <option key={option} value={option}>
                  {PROVIDER_SETTING_LABELS[option]}
                </option>
              ))}
            </select>
          </label>
          <label>
            CPU threads
            <select
              value={String(draft.cpuThreads)}
              onChange={(e) => {
                const value = e.currentTarget.value;
                set('cpuThreads', value === 'auto' ? 'auto' : Number(value));
              }}
            >
              <option value="auto">Automatic</option>
              {Array.from({ length: MAX_THREADS_OFFERED }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {providerChanged && (
            <p className="modal__dim">
              The model reloads when you save; the status bar shows its progress.
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>Export</legend>
          <label>
            Default format
            <select
              value={draft.exportFormat}
              onChange={(e) =>
                set('exportFormat', e.currentTarget.value as Settings['exportFormat'])
              }
            >
              <option value="jpeg">JPEG</option>
              <option value="png">PNG (lossless)</option>
              <option value="tiff">TIFF (lossless)</option>
              <option value="webp">WebP</option>
            </select>
          </label>
          <label>
            JPEG quality
            <input
              type="number"
              min={1}
              max={100}
              value={draft.jpegQuality}
              onChange={(e) => set('jpegQuality', clampInt(e.currentTarget.value, 1, 100))}
            />
          </label>
          <label>
            WebP quality
            <input
              type="number"
              min={1}
              max={100}
              value={draft.webpQuality}
              onChange={(e) => set('webpQuality', clampInt(e.currentTarget.value, 1, 100))}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>Autosave</legend>
          <label>
            Every
            <select
              value={draft.autosaveIntervalSeconds}
              onChange={(e) => set('autosaveIntervalSeconds', Number(e.currentTarget.value))}
            >
              {autosaveChoices(draft.autosaveIntervalSeconds).map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds === 0 ? 'Off (only after Apply)' : describeSeconds(seconds)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {error && (
          <p className="modal__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </ModalDialog>
  );
}

function clampInt(text: string, min: number, max: number): number {
  const value = Math.round(Number(text));
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

function autosaveChoices(current: number): number[] {
  const choices = [0, 30, 60, 120, 300, 600, 1800].filter(
    (s) => s === 0 || (s >= MIN_AUTOSAVE_SECONDS && s <= MAX_AUTOSAVE_SECONDS),
  );
  return choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b);
}

function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = seconds / 60;
  return Number.isInteger(minutes)
    ? `${minutes} minute${minutes === 1 ? '' : 's'}`
    : `${seconds} seconds`;
}
