/**
 * Which file paths the page may name (reliability finding 6). In the app the renderer is not
 * trusted with the file system: it may only name files the person chose in FaceShop's own
 * dialogs, the recent files, files the operating system asked FaceShop to open, and a project
 * it opened or saved (to save it again). Anything else is refused with the same words whether
 * or not the file exists, so a compromised page can neither read nor overwrite arbitrary files
 * nor probe for them.
 *
 * The browser host (tests, development) has no native dialogs: there the person types paths
 * into the page itself, so its policy trusts them (`TRUSTING_PATHS`).
 */
import path from 'node:path';

export type PathAccess = 'read' | 'write';

export interface PathPolicy {
  /** Null when the page may use `filePath` this way; else the refusal, in FaceShop's words. */
  refusal(filePath: string, access: PathAccess): string | null;
  /** The person chose `filePath` (a dialog, the system's open request, an opened project). */
  grant(filePath: string, access: PathAccess): void;
}

export const READ_REFUSAL =
  'FaceShop opens only files you choose in its Open dialog, from Open Recent, or that your system asks it to open.';
export const WRITE_REFUSAL =
  'FaceShop saves only where you choose in its Save dialog, or over a project you opened or saved.';

/** At most this many grants are remembered (oldest forgotten first). */
const MAX_GRANTS = 1000;

export class GrantedPaths implements PathPolicy {
  private readonly grants = new Map<string, PathAccess>();

  /** `recent`: the recent files, which may always be opened (not written). */
  constructor(private readonly recent: () => readonly { readonly path: string }[] = () => []) {}

  refusal(filePath: string, access: PathAccess): string | null {
    if (!path.isAbsolute(filePath)) return access === 'read' ? READ_REFUSAL : WRITE_REFUSAL;
    const key = path.resolve(filePath);
    const granted = this.grants.get(key);
    if (access === 'write') return granted === 'write' ? null : WRITE_REFUSAL;
    if (granted !== undefined) return null;
    return this.recent().some((f) => path.isAbsolute(f.path) && path.resolve(f.path) === key)
      ? null
      : READ_REFUSAL;
  }

  grant(filePath: string, access: PathAccess): void {
    if (!path.isAbsolute(filePath)) return;
    const key = path.resolve(filePath);
    // Writing implies reading; a later read grant never takes writing away.
    const next = this.grants.get(key) === 'write' ? 'write' : access;
    this.grants.delete(key);
    this.grants.set(key, next);
    while (this.grants.size > MAX_GRANTS) {
      const oldest = this.grants.keys().next().value;
      if (oldest === undefined) break;
      this.grants.delete(oldest);
    }
  }
}

/** The browser host: the person types paths into the page, so the page's paths are theirs. */
export const TRUSTING_PATHS: PathPolicy = {
  refusal: () => null,
  grant: () => undefined,
};
