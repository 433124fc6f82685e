/**
 * The CLI's dispatcher: global flags (`--help`, `--version`), `help <command>`, and handing the
 * rest of the command line to the named command. It returns an exit code instead of exiting,
 * so tests run it in-process.
 */
import { inFaceShopWords } from '../failure-words';
import { APP_VERSION } from '../app-version';
import {
  CliUsageError,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  type CliCommand,
  type CliIo,
} from './cli-command';
import { cliCommands } from './commands';

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = cliCommands,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(generalHelp(commands));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.out(generalHelp(commands));
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    io.out(APP_VERSION);
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.out(generalHelp(commands));
      return EXIT_OK;
    }
    const command = commands.find((candidate) => candidate.name === topic);
    if (!command) return usageError(io, `unknown command "${topic}"`);
    io.out(command.usage);
    return EXIT_OK;
  }

  const command = commands.find((candidate) => candidate.name === first);
  if (!command) return usageError(io, `unknown command "${first}"`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) return usageError(io, error.message, command);
    const words = inFaceShopWords(error);
    io.err(`faceshop ${command.name}: ${words.message}`);
    // The library's own words only where someone asked for them.
    if (process.env['FACESHOP_DEBUG'] && words.detail !== words.message)
      io.err(`  (${words.detail})`);
    return EXIT_FAILURE;
  }
}

function usageError(io: CliIo, message: string, command?: CliCommand): number {
  const hint = command ? `faceshop help ${command.name}` : 'faceshop --help';
  io.err(`faceshop: ${message} (see \`${hint}\`)`);
  return EXIT_USAGE;
}

function generalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `FaceShop ${APP_VERSION} — edit faces by sketching, from the command line`,
    '',
    'Usage: faceshop <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: faceshop help <command>)',
    '  -V, --version  Show the version',
  ].join('\n');
}
