/**
 * `fleet help [command]` and the top-level usage text built from the command table.
 */
import type { Command, CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';

/** The top-level usage: every command with its one-line summary. */
export function usage(commands: Readonly<Record<string, Command>>): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((name) => name.length));
  const list = names.map((name) => `  ${name.padEnd(width)}  ${commands[name]!.summary}`).join('\n');
  return `Usage: fleet <command> [options]

Make a Node.js/TypeScript backend safe to run as a fleet.

Commands:
${list}

Options:
  -h, --help     Show this help (or \`fleet <command> --help\`).
  -v, --version  Print the version.
`;
}

/** Builds the `help` command over the given table (which includes it). */
export function helpCommand(commands: () => Readonly<Record<string, Command>>): Command {
  return {
    summary: 'Show help for fleet or one command',
    help: 'Usage: fleet help [command]\n\nShow the list of commands, or the help of one command.\n',
    run: (args: readonly string[], io: CliIo): Promise<number> => {
      const table = commands();
      const [name, ...rest] = args;
      if (rest.length > 0) throw new UsageError(`fleet help takes at most one command name, got ${args.length}. Run \`fleet help\`.`);
      if (name === undefined) {
        io.stdout.write(usage(table));
        return Promise.resolve(EXIT.clean);
      }
      const command = Object.hasOwn(table, name) ? table[name] : undefined;
      if (!command) throw new UsageError(unknownCommand(name, table));
      io.stdout.write(command.help);
      return Promise.resolve(EXIT.clean);
    },
  };
}

/** The message for a command name that is not in the table. */
export function unknownCommand(name: string, commands: Readonly<Record<string, Command>>): string {
  return `fleet: unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}. Run \`fleet help\` for details.`;
}
