/** Entry point of the `faceshop` command (package.json "bin"). */
import { runCli } from './run-cli';

const exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});
process.exitCode = exitCode;
