/** What every `faceshop <command>` provides, and what it may use to talk to the terminal. */

export interface CliIo {
  /** Results (what scripts capture). */
  readonly out: (line: string) => void;
  /** Progress and errors, so that stdout stays clean for results. */
  readonly err: (line: string) => void;
  readonly cwd: string;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `faceshop --help`. */
  readonly summary: string;
  /** Full usage text for `faceshop help <command>`. */
  readonly usage: string;
  /** Resolves to the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes: 0 success, 1 the input could not be processed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Thrown by a command for a malformed command line; reported as one line with exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
