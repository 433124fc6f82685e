/**
 * Files the operating system asks FaceShop to open: a double-clicked `.faceshop` project or a
 * photo dropped on the app's icon. They arrive as command-line arguments (Windows, Linux, and a
 * second launch while one is running) or as macOS's `open-file` event, possibly before the
 * window exists or before its page listens. So they are queued until the page asks for them
 * (`takeOpenFileRequests`, once its listener is installed); after that they are sent as
 * `openFile` events. The page opens them the way File → Open Recent does.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { openFileKindOf, type OpenFileRequest } from '../../shared/settings/settings';
import { sendAppEvent } from './app-events';

/** The first argument that names an existing file; flags and Electron's own arguments are skipped. */
export function fileToOpenFromArgs(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const file = path.resolve(cwd, arg);
    // `electron .` passes the app folder or its main script in development: only other files count.
    try {
      if (existsSync(file) && statSync(file).isFile() && !file.endsWith('.js')) return file;
    } catch {
      // An unreadable argument is not a file to open.
    }
  }
  return null;
}

export class OpenFileRequests {
  /** Told of every file the system asked to open (the backend's path grants, main.ts). */
  onFile: (file: string, kind: OpenFileRequest['kind']) => void = () => undefined;
  private pending: string[] = [];
  private window: BrowserWindow | null = null;
  private pageListening = false;

  attach(window: BrowserWindow): void {
    this.window = window;
    this.pageListening = false;
    // A reload (development) or a crash-restart starts a page that has not asked yet.
    window.webContents.on('did-start-loading', () => (this.pageListening = false));
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
  }

  open(file: string): void {
    this.onFile(file, request(file).kind);
    if (this.window === null || !this.pageListening) {
      this.pending.push(file);
      return;
    }
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
    sendAppEvent(this.window, 'openFile', request(file));
  }

  /** The page listens now: what arrived before, oldest first; later files come as events. */
  take(): OpenFileRequest[] {
    this.pageListening = this.window !== null;
    const files = this.pending;
    this.pending = [];
    return files.map(request);
  }
}

function request(file: string): OpenFileRequest {
  return { path: file, kind: openFileKindOf(file) };
}
