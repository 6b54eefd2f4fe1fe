/**
 * The `fleet` CLI entry: dispatches `fleet <command>` through a table, maps errors to exit
 * codes. New commands (`routes`, `codemod`, ...) are one entry in {@link commands}.
 */
import type { Command, CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { helpCommand, unknownCommand, usage } from './help.js';
import { packageInfo } from '../package-info.js';
import { codemod } from './codemod.js';
import { review } from './review.js';
import { routes } from './routes.js';
import { scan } from './scan.js';

/** Every `fleet` command, by name. */
export const commands: Readonly<Record<string, Command>> = {
  scan,
  routes,
  codemod,
  review,
  help: helpCommand(() => commands),
};

/**
 * Runs the CLI on `argv` (without `node` and the script path) and resolves to the exit code:
 * 0 clean, 1 findings, 2 bad usage or configuration. Never throws for bad input; an unexpected
 * internal error is printed with its stack and gives exit code 2 as well.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help') {
      io.stdout.write(usage(commands));
      return EXIT.clean;
    }
    if (first === '-v' || first === '--version') {
      io.stdout.write(`${packageInfo().version}\n`);
      return EXIT.clean;
    }
    const command = Object.hasOwn(commands, first) ? commands[first] : undefined;
    if (!command) throw new UsageError(unknownCommand(first, commands));
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `fleet: internal error, please report it with this output:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.usage;
  }
}
