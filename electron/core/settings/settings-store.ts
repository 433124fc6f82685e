/**
 * The settings file (`settings.json` in the app's data folder): read once at start-up, judged
 * field by field (shared/settings/settings.ts), and rewritten atomically on every change, so a
 * crash mid-write leaves the previous file rather than a torn one.
 *
 * The path is given by the caller (Electron's `userData`, the browser host's data folder, a
 * test's temporary folder); the core never asks Electron where it is. Writes are serialized:
 * two quick changes never race each other onto the disk. Listeners hear every change (main
 * rebuilds File → Open Recent from them).
 */
import { Readable } from 'node:stream';
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  applySettingsPatch,
  readSettings,
  SettingsSchema,
  withRecentFile,
  type LoadedSettings,
  type RecentFile,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings/settings';
import { replaceFileAtomically } from '../project/atomic-replace';

export const SETTINGS_FILE_NAME = 'settings.json';

export type SettingsListener = (settings: Settings) => void;

export interface SettingsStoreOptions {
  /** The settings file; its folder is created on the first write. */
  readonly filePath: string;
  /** Whether a path still names a file (recent files that vanished are pruned on read). */
  readonly fileExists?: (filePath: string) => Promise<boolean>;
  /** Windows and macOS file systems usually ignore case: C:\A.jpg and c:\a.JPG are one file. */
  readonly caseInsensitivePaths?: boolean;
}

export class SettingsStore {
  private settings: Settings;
  private warnings: readonly string[];
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<SettingsListener>();

  private constructor(
    private readonly options: SettingsStoreOptions,
    reading: { settings: Settings; warnings: readonly string[] },
  ) {
    this.settings = reading.settings;
    this.warnings = reading.warnings;
  }

  /** Reads the file (a missing one means defaults); never fails for bad content. */
  static async open(options: SettingsStoreOptions): Promise<SettingsStore> {
    let text: string | null = null;
    let unreadable: string | null = null;
    try {
      text = await readFile(options.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        unreadable = `The settings file could not be read (${(error as Error).message}); FaceShop is using its default settings.`;
      }
    }
    const reading = readSettings(text);
    const warnings = unreadable === null ? reading.warnings : [unreadable];
    return new SettingsStore(options, { settings: reading.settings, warnings });
  }

  /** The settings, with the recent files that no longer exist left out. */
  async load(): Promise<LoadedSettings> {
    await this.pruneMissingRecentFiles();
    return {
      settings: this.settings,
      warnings: [...this.warnings],
      filePath: this.options.filePath,
    };
  }

  /** The settings as they are now, without touching the disk. */
  current(): Settings {
    return this.settings;
  }

  async update(patch: SettingsPatch): Promise<LoadedSettings> {
    await this.replace(applySettingsPatch(this.settings, patch));
    // The person has now chosen; what was wrong with the old file no longer applies.
    this.warnings = [];
    return this.load();
  }

  /** Puts `filePath` first in the recent files (a photo or project was opened or saved). */
  async addRecentFile(filePath: string, kind: RecentFile['kind'], now = new Date()): Promise<void> {
    const file: RecentFile = { path: filePath, kind, openedAt: now.toISOString() };
    await this.replace({
      ...this.settings,
      recentFiles: withRecentFile(
        this.settings.recentFiles,
        file,
        this.options.caseInsensitivePaths ?? false,
      ),
    });
  }

  /** `addRecentFile` for code that must not wait or fail (an open that already succeeded). */
  recordRecentFile(filePath: string, kind: RecentFile['kind']): void {
    this.addRecentFile(filePath, kind).catch((error: unknown) =>
      console.warn(`[faceshop] the recent files could not be saved: ${String(error)}`),
    );
  }

  async removeRecentFile(filePath: string): Promise<void> {
    const kept = this.settings.recentFiles.filter((f) => f.path !== filePath);
    if (kept.length !== this.settings.recentFiles.length) {
      await this.replace({ ...this.settings, recentFiles: kept });
    }
  }

  async clearRecentFiles(): Promise<void> {
    await this.replace({ ...this.settings, recentFiles: [] });
  }

  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every write started so far is on the disk (or has failed). */
  flush(): Promise<void> {
    return this.writing;
  }

  private async pruneMissingRecentFiles(): Promise<void> {
    const exists = this.options.fileExists ?? defaultFileExists;
    const present = await Promise.all(this.settings.recentFiles.map((f) => exists(f.path)));
    if (present.every(Boolean)) return;
    await this.replace({
      ...this.settings,
      recentFiles: this.settings.recentFiles.filter((_, i) => present[i]),
    });
  }

  private async replace(next: Settings): Promise<void> {
    this.settings = SettingsSchema.parse(next);
    for (const listener of this.listeners) listener(this.settings);
    const text = `${JSON.stringify(this.settings, null, 2)}\n`;
    const write = this.writing.then(() => this.write(text));
    // A failed write must not stop the ones after it; it is reported to its own caller.
    this.writing = write.catch(() => undefined);
    await write;
  }

  private async write(text: string): Promise<void> {
    const target = this.options.filePath;
    await mkdir(path.dirname(target), { recursive: true });
    await replaceFileAtomically(target, {
      content: () => Readable.from([Buffer.from(text, 'utf8')]),
      verify: async (written) => {
        if ((await readFile(written, 'utf8')) !== text) throw new Error('the content differs');
      },
      what: 'the settings',
    });
  }
}

async function defaultFileExists(filePath: string): Promise<boolean> {
  return access(filePath).then(
    () => true,
    () => false,
  );
}
