/**
 * Autosave and crash recovery (issue 8), in a folder of the app's data given by the caller.
 *
 * How it works. A session announces itself in `session.json` (its process id) when it starts
 * and removes it, with its autosave, when it exits cleanly. So a `session.json` found at start
 * whose process is gone means the last session crashed (or was killed), and its
 * `autosave.faceshop` holds the work it had not saved. That autosave is then moved aside to
 * `pending.faceshop` at once — before this session autosaves anything over it — and stays
 * there, offered by `checkRecovery`, until the person restores or discards it.
 *
 * Restoring opens the pending file like any project and moves it back to be this session's
 * autosave, so the work stays protected by this session's marker until it is saved.
 *
 * Autosaves are atomic saves without a thumbnail, queued so that only one writes at a time and
 * a burst of requests writes only the newest document.
 */
import { rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { FaceDocument } from '../../../shared/document/document';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { Autosaved, OpenedProject, RecoveryOffer } from '../../../shared/project/project-api';
import type { ProjectSession } from '../../../shared/project/project-session';
import type { PhotoStore } from '../photos/photo-store';
import { openProject } from './open-project';
import { saveProjectFile, type ModelIdentity } from './save-project';

const SESSION_FILE = 'session.json';
const AUTOSAVE_FILE = 'autosave.faceshop';
const AUTOSAVE_INFO = 'autosave.json';
const PENDING_FILE = 'pending.faceshop';
const PENDING_INFO = 'pending.json';

const SessionSchema = z.object({ pid: z.number().int().positive(), startedAt: z.string() });
const AutosaveInfoSchema = z.object({
  savedAt: z.iso.datetime({ offset: true }),
  projectPath: z.string().min(1).nullable(),
  photoFileName: z.string().min(1).max(255).nullable(),
});
type AutosaveInfo = z.infer<typeof AutosaveInfoSchema>;

export interface RecoveryStoreOptions {
  readonly folder: string;
  readonly photos: PhotoStore;
  readonly appVersion: string;
  readonly model: () => Promise<ModelIdentity | null>;
  /** This process; tests pretend to be several. */
  readonly pid?: number;
  readonly isProcessAlive?: (pid: number) => boolean;
  readonly now?: () => Date;
}

interface QueuedAutosave {
  readonly document: FaceDocument;
  readonly projectPath: string | null;
  readonly session: ProjectSession | null;
  readonly waiters: ((result: Result<Autosaved>) => void)[];
}

export class RecoveryStore {
  #last: { document: FaceDocument; projectPath: string | null; savedAt: string } | null = null;
  #running: Promise<void> | null = null;
  #queued: QueuedAutosave | null = null;

  private constructor(private readonly options: RecoveryStoreOptions) {}

  /** Starts this session: sets aside a crashed session's autosave, then writes the marker. */
  static async open(options: RecoveryStoreOptions): Promise<RecoveryStore> {
    const store = new RecoveryStore(options);
    await mkdir(options.folder, { recursive: true });
    const previous = await readJson(store.file(SESSION_FILE), SessionSchema);
    const pid = store.pid;
    const alive = options.isProcessAlive ?? isProcessAlive;
    // A marker with our own pid is a dead session's too (the system reused its pid, e.g.
    // after a reboot): this process has only just started and has written no marker yet.
    if (previous !== null && (previous.pid === pid || !alive(previous.pid))) {
      // The newer crash's work wins over an older unanswered one: it is the latest state.
      const moved = await rename(store.file(AUTOSAVE_FILE), store.file(PENDING_FILE)).then(
        () => true,
        () => false,
      );
      if (moved) {
        await rename(store.file(AUTOSAVE_INFO), store.file(PENDING_INFO)).catch(() =>
          rm(store.file(PENDING_INFO), { force: true }),
        );
      }
    }
    await writeFile(
      store.file(SESSION_FILE),
      JSON.stringify({ pid, startedAt: store.now().toISOString() }),
    );
    return store;
  }

  /** A clean exit: this session's autosave is no longer needed, and neither is its marker. */
  async close(): Promise<void> {
    await this.#running;
    await rm(this.file(AUTOSAVE_FILE), { force: true });
    await rm(this.file(AUTOSAVE_INFO), { force: true });
    await rm(this.file(SESSION_FILE), { force: true });
  }

  /**
   * `close` for the moment the app quits: Electron does not wait for promises in `will-quit`,
   * so this removes the files before returning. An autosave still being written may land
   * afterwards; without the marker it is never offered, and the next session replaces it.
   */
  closeSync(): void {
    for (const name of [AUTOSAVE_FILE, AUTOSAVE_INFO, SESSION_FILE]) {
      rmSync(this.file(name), { force: true });
    }
  }

  /**
   * Writes the autosave unless the document is the one written last (the session — view,
   * undo history — rides along with a document change; a view change alone writes nothing).
   */
  autosave(
    document: FaceDocument,
    projectPath: string | null,
    session: ProjectSession | null = null,
  ): Promise<Result<Autosaved>> {
    const last = this.#last;
    if (
      last !== null &&
      last.projectPath === projectPath &&
      isDeepStrictEqual(last.document, document)
    ) {
      return Promise.resolve(ok({ savedAt: last.savedAt, unchanged: true }));
    }
    return new Promise((resolve) => {
      // A newer request replaces a queued one; both callers get the newer one's outcome.
      const waiters = [...(this.#queued?.waiters ?? []), resolve];
      this.#queued = { document, projectPath, session, waiters };
      if (this.#running === null) this.#running = this.#drain();
    });
  }

  /** The pending work of a crashed session, if any. */
  async checkRecovery(): Promise<RecoveryOffer | null> {
    const exists = await stat(this.file(PENDING_FILE)).then(
      (stats) => stats.isFile(),
      () => false,
    );
    if (!exists) return null;
    const info = await readJson(this.file(PENDING_INFO), AutosaveInfoSchema);
    const projectPath = info?.projectPath ?? null;
    return {
      savedAt: info?.savedAt ?? this.now().toISOString(),
      projectPath,
      displayName:
        projectPath !== null
          ? path.basename(projectPath)
          : (info?.photoFileName ?? 'Untitled project'),
    };
  }

  /** Opens the pending work, which becomes this session's autosave. */
  async restoreRecovery(): Promise<Result<OpenedProject>> {
    const pending = this.file(PENDING_FILE);
    const info = await readJson(this.file(PENDING_INFO), AutosaveInfoSchema);
    const opened = await openProject(
      { source: 'path', path: pending },
      this.options.photos,
      'recovery',
    );
    if (!opened.ok) return opened;
    await this.#running;
    await rename(pending, this.file(AUTOSAVE_FILE));
    await rename(this.file(PENDING_INFO), this.file(AUTOSAVE_INFO)).catch(() => undefined);
    this.#last = null;
    const projectPath = info?.projectPath ?? null;
    return ok({
      ...opened.value,
      path: projectPath,
      fileName: projectPath === null ? opened.value.fileName : path.basename(projectPath),
    });
  }

  async discardRecovery(): Promise<void> {
    await rm(this.file(PENDING_FILE), { force: true });
    await rm(this.file(PENDING_INFO), { force: true });
  }

  /** After a successful save the file holds the work; an older autosave would only confuse. */
  async forgetAutosave(): Promise<void> {
    await this.#running;
    this.#last = null;
    await rm(this.file(AUTOSAVE_FILE), { force: true });
    await rm(this.file(AUTOSAVE_INFO), { force: true });
  }

  async #drain(): Promise<void> {
    for (let job = this.#queued; job !== null; job = this.#queued) {
      this.#queued = null;
      const result = await this.#write(job.document, job.projectPath, job.session).catch(
        (error: unknown) => fail('project-save-failed', `The autosave failed: ${String(error)}`),
      );
      for (const resolve of job.waiters) resolve(result);
    }
    this.#running = null;
  }

  async #write(
    document: FaceDocument,
    projectPath: string | null,
    session: ProjectSession | null,
  ): Promise<Result<Autosaved>> {
    const saved = await saveProjectFile(document, this.file(AUTOSAVE_FILE), {
      session,
      photos: this.options.photos,
      appVersion: this.options.appVersion,
      model: await this.options.model(),
      withPreview: false,
      what: 'the autosave',
      now: () => this.now(),
    });
    if (!saved.ok) return saved;
    const info: AutosaveInfo = {
      savedAt: saved.value.savedAt,
      projectPath,
      photoFileName: this.options.photos.get(document.photo.assetId)?.info.fileName || null,
    };
    await writeFile(this.file(AUTOSAVE_INFO), JSON.stringify(info));
    this.#last = { document, projectPath, savedAt: saved.value.savedAt };
    return ok({ savedAt: saved.value.savedAt, unchanged: false });
  }

  private file(name: string): string {
    return path.join(this.options.folder, name);
  }

  private get pid(): number {
    return this.options.pid ?? process.pid;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    // Signal 0 tests for existence without touching the process.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
