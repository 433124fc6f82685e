/**
 * The person's preferences: which execution provider the model runs on, how many CPU threads it
 * may use, how photos are exported by default, how often unsaved work is autosaved, and the
 * recently opened files.
 *
 * How a settings file is read. It was written by some version of FaceShop, or edited by hand,
 * or half-written by a crash; none of that may stop the app from starting. `readSettings`
 * therefore judges each field on its own: a valid field is kept, an invalid or missing one
 * falls back to its default, and every fallback is reported as one readable warning that the
 * UI shows. Unknown fields (from a newer version) are dropped quietly.
 */
import { z } from 'zod';
import { ExportFormatSchema, type ExportFormat } from '../export/export-api';

/** Execution providers a person can ask for; `auto` picks the best one that starts. */
export const ProviderSettingSchema = z.enum(['auto', 'cuda', 'directml', 'coreml', 'cpu']);
export type ProviderSetting = z.infer<typeof ProviderSettingSchema>;

export const PROVIDER_SETTING_LABELS: Record<ProviderSetting, string> = {
  auto: 'Automatic (best available)',
  cuda: 'CUDA (NVIDIA, Linux)',
  directml: 'DirectML (Windows)',
  coreml: 'Core ML (macOS)',
  cpu: 'CPU only',
};

/** More threads than this gains nothing for a 256² network and starves the UI and sharp. */
export const MAX_CPU_THREADS = 64;
export const CpuThreadsSchema = z.union([
  z.literal('auto'),
  z.number().int().min(1).max(MAX_CPU_THREADS),
]);
export type CpuThreads = z.infer<typeof CpuThreadsSchema>;

export { ExportFormatSchema, type ExportFormat };

/** 0 turns the interval off (significant changes such as Apply still autosave). */
export const MAX_AUTOSAVE_SECONDS = 3600;
export const MIN_AUTOSAVE_SECONDS = 10;
export const AutosaveSecondsSchema = z
  .number()
  .int()
  .refine(
    (s) => s === 0 || (s >= MIN_AUTOSAVE_SECONDS && s <= MAX_AUTOSAVE_SECONDS),
    `0 (off) or ${MIN_AUTOSAVE_SECONDS}–${MAX_AUTOSAVE_SECONDS} seconds`,
  );

export const MAX_RECENT_FILES = 10;

export const RecentFileSchema = z.object({
  path: z.string().min(1).max(4096),
  kind: z.enum(['photo', 'project']),
  /** ISO time of the last open or save. */
  openedAt: z.string(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const QualitySchema = z.number().int().min(1).max(100);

export const SettingsSchema = z.object({
  executionProvider: ProviderSettingSchema,
  cpuThreads: CpuThreadsSchema,
  exportFormat: ExportFormatSchema,
  jpegQuality: QualitySchema,
  webpQuality: QualitySchema,
  autosaveIntervalSeconds: AutosaveSecondsSchema,
  recentFiles: z.array(RecentFileSchema).max(MAX_RECENT_FILES),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  executionProvider: 'auto',
  cpuThreads: 'auto',
  exportFormat: 'jpeg',
  jpegQuality: 95,
  webpQuality: 90,
  autosaveIntervalSeconds: 60,
  recentFiles: [],
};

/** What `updateSettings` accepts: any subset of the editable fields (recent files have their own calls). */
export const SettingsPatchSchema = SettingsSchema.omit({ recentFiles: true }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The settings as the app uses them, plus what was wrong with the file they came from. */
export const LoadedSettingsSchema = z.object({
  settings: SettingsSchema,
  /** One sentence per problem with the stored file; empty when it was fine or absent. */
  warnings: z.array(z.string()),
  /** Where they are kept, for the Preferences dialog ("stored in …"); null when not persisted. */
  filePath: z.string().nullable(),
});
export type LoadedSettings = z.infer<typeof LoadedSettingsSchema>;

const FIELD_LABELS: Record<keyof Settings, string> = {
  executionProvider: 'execution provider',
  cpuThreads: 'CPU threads',
  exportFormat: 'export format',
  jpegQuality: 'JPEG quality',
  webpQuality: 'WebP quality',
  autosaveIntervalSeconds: 'autosave interval',
  recentFiles: 'recent files',
};

export interface SettingsReading {
  readonly settings: Settings;
  readonly warnings: readonly string[];
}

/**
 * Settings from a file's text; `null` text means there is no file yet (defaults, no warning).
 * Never throws: whatever the text holds, the result is usable.
 */
export function readSettings(text: string | null): SettingsReading {
  if (text === null) return { settings: DEFAULT_SETTINGS, warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      settings: DEFAULT_SETTINGS,
      warnings: ['The settings file is not valid JSON; FaceShop is using its default settings.'],
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return {
      settings: DEFAULT_SETTINGS,
      warnings: ['The settings file holds no settings; FaceShop is using its default settings.'],
    };
  }
  const stored = json as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in stored)) {
      settings[key] = DEFAULT_SETTINGS[key];
      continue;
    }
    if (key === 'recentFiles') {
      const recent = readRecentFiles(stored[key]);
      settings[key] = recent.files;
      if (recent.dropped > 0) {
        warnings.push(
          `${recent.dropped} unreadable ${recent.dropped === 1 ? 'entry was' : 'entries were'} removed from the recent files.`,
        );
      }
      continue;
    }
    const parsed = SettingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) {
      settings[key] = parsed.data;
    } else {
      settings[key] = DEFAULT_SETTINGS[key];
      warnings.push(
        `The stored ${FIELD_LABELS[key]} (${describeValue(stored[key])}) is not valid; using the default (${describeValue(DEFAULT_SETTINGS[key])}).`,
      );
    }
  }
  return { settings: SettingsSchema.parse(settings), warnings };
}

/** Keeps the readable entries of a stored list, deduplicated, newest first, at most the limit. */
function readRecentFiles(value: unknown): { files: RecentFile[]; dropped: number } {
  if (!Array.isArray(value)) return { files: [], dropped: 1 };
  let files: RecentFile[] = [];
  let dropped = 0;
  for (const entry of value) {
    const parsed = RecentFileSchema.safeParse(entry);
    if (parsed.success) files.push(parsed.data);
    else dropped += 1;
  }
  // The stored order is newest first; adding oldest first keeps it and applies the rules.
  const kept: RecentFile[] = [];
  for (const file of files.reverse()) {
    const next = withRecentFile(kept, file);
    kept.splice(0, kept.length, ...next);
  }
  files = kept;
  return { files, dropped };
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Two paths name the same file (case-insensitively where the file system usually is). */
export function sameFilePath(a: string, b: string, caseInsensitive: boolean): boolean {
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * The list with `file` first: an older entry for the same path is removed, and the list is cut
 * to MAX_RECENT_FILES.
 */
export function withRecentFile(
  list: readonly RecentFile[],
  file: RecentFile,
  caseInsensitive = false,
): RecentFile[] {
  const others = list.filter((entry) => !sameFilePath(entry.path, file.path, caseInsensitive));
  return [file, ...others].slice(0, MAX_RECENT_FILES);
}

/** Applies a patch: only the fields it names change. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) next[key] = value;
  }
  return SettingsSchema.parse(next);
}

/** The file name of a path on either platform's separators, for lists and menus. */
export function fileNameOf(filePath: string): string {
  const parts = filePath.split(/[\\/]/);
  return parts[parts.length - 1] || filePath;
}

/** A file to open by path, from File → Open Recent or the operating system (double-click). */
export const OpenFileRequestSchema = z.object({
  path: z.string().min(1).max(4096),
  kind: z.enum(['photo', 'project']),
});
export type OpenFileRequest = z.infer<typeof OpenFileRequestSchema>;

const PROJECT_FILE_EXTENSION = '.faceshop';

/** What a path opens as: `.faceshop` files are projects, everything else is tried as a photo. */
export function openFileKindOf(filePath: string): OpenFileRequest['kind'] {
  return filePath.toLowerCase().endsWith(PROJECT_FILE_EXTENSION) ? 'project' : 'photo';
}
