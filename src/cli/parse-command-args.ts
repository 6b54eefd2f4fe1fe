import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from './command.js';

/**
 * `node:util` `parseArgs` for a `fleet <command>`: positionals allowed, `--no-<flag>` accepted,
 * unknown options refused. Node's own messages are long and suggest `--` tricks, so a parse
 * failure becomes a {@link UsageError} that names the option and points at `fleet <command> --help`.
 */
export function parseCommandArgs<const Options extends ParseArgsOptionsConfig>(command: string, args: readonly string[], options: Options) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, allowNegative: true, strict: true, options });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(message)?.[1];
    const what = option ? `unknown or malformed option ${option}` : message;
    throw new UsageError(`fleet ${command}: ${what}. Run \`fleet ${command} --help\` for the options.`);
  }
}
