/**
 * Replacing a file so that no failure can cost the previous version (issue 8).
 *
 * How it works. The new content is written to a temporary file in the target's own folder
 * (a rename is atomic only within one file system), flushed to the disk with fsync, and read
 * back by the caller's `verify` — a full open and validation, not just a size check. Only a
 * verified file replaces the target: first the previous version is kept as a hidden backup
 * `.<name>.<id>.bak` (a hard link, so the target never disappears even for an instant; a copy
 * where the file system has no links), then the temporary file is renamed over the target, the
 * folder is flushed so the rename survives a power cut, and the backup is removed.
 *
 * Both names are unique to the save (a random id) and created exclusively, so a save never
 * writes through, replaces or deletes a file it did not create: a person's own `<name>.bak`
 * or any other file beside the target is left alone. A failure at any step before the rename
 * leaves the target exactly as it was and removes the temporary file and the backup this save
 * made; the caller gets one sentence saying what went wrong. A crash (the process killed)
 * leaves at worst a hidden `.<name>.<id>.saving` or `.<name>.<id>.bak` beside an intact target;
 * the next save of that file clears exactly those names (eight hex digits of id), nothing else.
 */
import { randomUUID } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The file operations a replacement uses; tests substitute failing ones. */
export interface ReplaceFileSystem {
  /** Creates `file` (it must not exist), writes `content` into it and flushes it to the disk. */
  writeNewFile(file: string, content: NodeJS.ReadableStream): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  exists(file: string): Promise<boolean>;
  /** Flushes a folder's entries (a rename) to the disk; may do nothing where impossible. */
  syncFolder(folder: string): Promise<void>;
  listFolder(folder: string): Promise<string[]>;
}

export const nodeReplaceFileSystem: ReplaceFileSystem = {
  async writeNewFile(file, content) {
    // 'wx': never write through a file that appeared in the meantime (or a planted link).
    await pipeline(content as Readable, createWriteStream(file, { flags: 'wx', mode: 0o644 }));
    // The stream has closed its descriptor; flushing needs one of our own.
    const handle = await fsp.open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  // Exclusive: never over a file that exists.
  copyFile: (from, to) => fsp.copyFile(from, to, constants.COPYFILE_EXCL),
  unlink: (file) => fsp.unlink(file),
  exists: (file) =>
    fsp.lstat(file).then(
      () => true,
      () => false,
    ),
  async syncFolder(folder) {
    // Windows cannot open a folder for flushing; its renames are durable enough.
    if (process.platform === 'win32') return;
    const handle = await fsp.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  listFolder: (folder) => fsp.readdir(folder),
};

export class ReplaceFileError extends Error {
  override readonly name = 'ReplaceFileError';

  constructor(
    message: string,
    /** The errno code (ENOSPC, EACCES...) or 'verify' when the written file did not read back. */
    readonly errorCode: string,
  ) {
    super(message);
  }
}

export interface ReplaceOptions {
  /** Produces the new content; called once. */
  readonly content: () => NodeJS.ReadableStream;
  /** Reads the written temporary file back; throws (with a sentence) if it is not right. */
  readonly verify: (temporaryFile: string) => Promise<void>;
  /** For messages: "the project", "the autosave". */
  readonly what: string;
  readonly fs?: ReplaceFileSystem | undefined;
}

/** Saves currently in flight in this process, by temporary file: not stale, never removed. */
const inFlight = new Set<string>();

export async function replaceFileAtomically(
  target: string,
  options: ReplaceOptions,
): Promise<void> {
  const fs = options.fs ?? nodeReplaceFileSystem;
  const folder = path.dirname(target);
  const base = path.basename(target);
  const id = randomUUID().slice(0, 8);
  const temporary = path.join(folder, `.${base}.${id}.saving`);
  const backup = path.join(folder, `.${base}.${id}.bak`);
  const hadTarget = await fs.exists(target);
  let madeBackup = false;
  inFlight.add(temporary);
  inFlight.add(backup);
  try {
    await removeLeftovers(fs, folder, base);
    await fs.writeNewFile(temporary, options.content());
    try {
      await options.verify(temporary);
    } catch (error) {
      throw new ReplaceFileError(
        `${capitalize(options.what)} could not be read back after writing (${error instanceof Error ? error.message : String(error)}); ${unchanged(hadTarget, base)}`,
        'verify',
      );
    }
    if (hadTarget) {
      await fs.link(target, backup).catch((error: unknown) => {
        // A name that exists is not ours to replace; only a missing link support falls back.
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
        return fs.copyFile(target, backup);
      });
      madeBackup = true;
    }
    await fs.rename(temporary, target);
    await fs.syncFolder(folder).catch(() => undefined);
    if (madeBackup) await fs.unlink(backup).catch(() => undefined);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    if (madeBackup) await fs.unlink(backup).catch(() => undefined);
    if (error instanceof ReplaceFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new ReplaceFileError(failureMessage(code, options.what, target, hadTarget), code);
  } finally {
    inFlight.delete(temporary);
    inFlight.delete(backup);
  }
}

/**
 * Temporary files and backups of earlier saves of this target that were cut short by a crash:
 * exactly `.<name>.<8 hex digits>.saving` or `.bak`, the names only this module makes.
 */
async function removeLeftovers(fs: ReplaceFileSystem, folder: string, base: string): Promise<void> {
  const names = await fs.listFolder(folder).catch(() => [] as string[]);
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    if (!/^[0-9a-f]{8}\.(saving|bak)$/.test(name.slice(prefix.length))) continue;
    const file = path.join(folder, name);
    if (!inFlight.has(file)) await fs.unlink(file).catch(() => undefined);
  }
}

function failureMessage(code: string, what: string, target: string, hadTarget: boolean): string {
  const base = path.basename(target);
  const folder = path.dirname(target);
  const rest = unchanged(hadTarget, base);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `There is not enough space on the disk to save ${what} “${base}”; ${rest}`;
    case 'EACCES':
    case 'EPERM':
      return `FaceShop is not allowed to write ${what} in ${folder}; ${rest}`;
    case 'EROFS':
      return `${folder} is on a read-only disk; ${rest}`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder ${folder} does not exist; ${rest}`;
    case 'EISDIR':
      return `${target} is a folder, not a file; nothing was changed.`;
    case 'ENAMETOOLONG':
      return `The file name “${base}” is too long for this disk; ${rest}`;
    default:
      return `${capitalize(what)} “${base}” could not be saved (${code}); ${rest}`;
  }
}

function unchanged(hadTarget: boolean, base: string): string {
  return hadTarget ? `the previous “${base}” is unchanged.` : 'nothing was written.';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
