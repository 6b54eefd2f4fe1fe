/**
 * The contract every `fleet` command implements, so `main` can dispatch from a table and tests
 * can run any command in-process with captured output.
 */

/** Where a command writes and what it runs against; `process` in the real CLI, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** `isTTY` decides whether progress is shown by default. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** Directory relative paths on the command line are resolved against. */
  readonly cwd: string;
  /** Environment variables (`GITHUB_*`); `process.env` when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** One `fleet <name>` command. */
export interface Command {
  /** One line for the command list in `fleet help`. */
  readonly summary: string;
  /** Full help text for `fleet <name> --help` and `fleet help <name>`. */
  readonly help: string;
  /** Runs the command on its arguments (after the command name); resolves to the exit code. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}

/**
 * Bad usage or configuration: `main` prints the message as one line on stderr and exits 2.
 * The message says what is wrong and what to do.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Nothing found. */
  clean: 0,
  /** Findings (or files that could not be parsed or linted). */
  findings: 1,
  /** Bad usage or configuration. */
  usage: 2,
} as const;
