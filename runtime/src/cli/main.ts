import { readFileSync } from 'node:fs';
import { connect } from '../connect.js';
import { deadCommand } from './commands/dead.js';
import { schedulesCommand } from './commands/schedules.js';
import { schemaCommand } from './commands/schema.js';
import { statsCommand } from './commands/stats.js';
import { tasksCommand } from './commands/tasks.js';
import { workerCommand } from './commands/worker.js';
import { EXIT, UsageError, type CliIo, type Command } from './io.js';

const COMMANDS: Record<string, Command> = {
  worker: workerCommand,
  tasks: tasksCommand,
  dead: deadCommand,
  schedules: schedulesCommand,
  stats: statsCommand,
  schema: schemaCommand,
};

/** The installed package's version, from its package.json (same relative place from src/ and dist/). */
function runtimeVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

const HELP = `Usage: fleet-runtime <command> [--help]   (fleet-runtime --version prints the version)

${Object.values(COMMANDS)
  .map((command) => command.usage)
  .join('\n')}

Environment: FLEET_DATABASE_URL (sqlite:<path> | postgres://…, default sqlite:.fleet/fleet.db), FLEET_ROLE.
Exit codes: 0 ok, 1 failed, 2 usage error, 3 database unavailable.`;

/** Default I/O: process streams and `connect()` with its retry notices on stderr. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    openStore: () =>
      connect({
        ...(process.env.FLEET_DATABASE_URL === undefined ? {} : { url: process.env.FLEET_DATABASE_URL }),
        log: (message) => process.stderr.write(`${message}\n`),
      }),
  };
}

/** Run `fleet-runtime` with `argv` (without node and script); resolves with the exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(runtimeVersion());
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`Unknown command ${name}.\n\n${HELP}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage:\n${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${message}\n\nUsage:\n${command.usage}`);
      return EXIT.usage;
    }
    if (/FLEET_DATABASE_URL=/.test(message)) {
      io.err(message);
      return EXIT.usage;
    }
    if (/cannot use the database/.test(message)) {
      io.err(message);
      return EXIT.unavailable;
    }
    io.err(`fleet-runtime ${name}: ${message}`);
    return EXIT.failed;
  }
}
