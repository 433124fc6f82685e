/**
 * Starts the built browser host (dist/host/main.js) as a child process on a free port and
 * resolves to its address once it prints it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../support/repo-paths';

export interface BrowserHost {
  readonly url: string;
  /** Everything the host wrote to stderr (handler failures are logged there). */
  readonly stderr: () => string;
  stop(): Promise<void>;
  /** Ends the host the way a crash does (SIGKILL): no clean shutdown, its autosave left behind. */
  crash(): Promise<void>;
}

export interface BrowserHostOptions {
  /** The app-data folder for autosaves; the same folder twice lets a test check recovery. */
  readonly dataDir?: string;
}

export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const entry = path.join(REPO_ROOT, 'dist', 'host', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const dataArgs = options.dataDir === undefined ? [] : ['--data-dir', options.dataDir];
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', '0', ...dataArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /FACESHOP_HOST_URL=(\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited with code ${code}:\n${stderr}`));
    });
  });

  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  return {
    url,
    stderr: () => stderr,
    stop: () => end('SIGTERM'),
    crash: () => end('SIGKILL'),
  };
}
