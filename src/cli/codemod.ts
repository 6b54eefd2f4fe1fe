/**
 * `fleet codemod <name> [paths…]`: rewrite fleet hazards. Argument parsing only; the codemod
 * (and ts-morph with it) is imported when a run actually starts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command, CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';

/** Codemods by name. */
export const CODEMODS = ['spawn-to-taskspec', 'interval-to-schedule'] as const;

const help = `Usage: fleet codemod <name> [paths…] [options]

Codemods:
  spawn-to-taskspec  Turn fire-and-forget work in request handlers (what the rule
                     no-floating-work-in-handler reports) into \`await enqueue(TaskSpec.X({...}))\`
                     plus a generated executor and test. See docs/codemods/spawn-to-taskspec.md.
  interval-to-schedule
                     Turn start-up \`setInterval\` and node-cron jobs (what no-process-local-schedule
                     reports) into \`defineSchedule\` entries of \`createFleet\`, with a task and
                     executor each. See docs/codemods/interval-to-schedule.md.

paths are files or folders inside the project (default: the current directory); the project
root is the nearest folder above the first path with a package.json. Nothing outside it is written.

Options:
      --dry            Print a unified diff; write nothing.
      --allow-dirty    Run even when git has uncommitted changes under the root.
      --typecheck      Type-check touched files; roll back a file that gains an error.
      --mark-bailouts  Leave \`// fleet-codemod-bailout: <reason>\` at sites not rewritten.
      --allow-lossy    Send lossy captures (Date, Map, class instances) anyway; marked needs-review.
      --tasks <file>   Where to create the defineTasks file when the project has none.
      --forbid <p#T>   Also refuse to capture values of this type (e.g. my-db#Client); repeatable.
      --fail-on <lvl>  Exit 1 on: bail (default), review (bails and needs-review), none.
      --no-types       Find sites without type information (faster, less precise).
  -f, --format <name>  Report format: text (default) or json.
      --progress       Print progress on stderr.
  -h, --help           Show this help.

Exit codes: 0 done, 1 bails at or above --fail-on, 2 bad usage or configuration,
3 files that could not be parsed, or an internal error.
`;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help === true) {
    io.stdout.write(help);
    return EXIT.clean;
  }
  const [name, ...paths] = positionals;
  if (name === undefined || !(CODEMODS as readonly string[]).includes(name)) {
    throw new UsageError(
      `fleet codemod: ${name === undefined ? 'name a codemod' : `unknown codemod "${name}"`}. Codemods: ${CODEMODS.join(', ')}. Run \`fleet codemod --help\`.`,
    );
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`fleet codemod: unknown format "${format}". Use --format text or --format json.`);
  const failOn = values['fail-on'] ?? 'bail';
  if (!['bail', 'review', 'none'].includes(failOn))
    throw new UsageError(`fleet codemod: --fail-on must be bail, review or none, got "${failOn}".`);
  const targets = (paths.length > 0 ? paths : ['.']).map((entry) => path.resolve(io.cwd, entry));
  for (const target of targets)
    if (!existsSync(target)) throw new UsageError(`fleet codemod: path not found: ${target}. Pass files or folders of your project.`);
  const { runCodemodCommand } = await import('./run-codemod.js');
  return runCodemodCommand(
    {
      codemod: name as (typeof CODEMODS)[number],
      targets,
      format,
      failOn: failOn as 'bail' | 'review' | 'none',
      dry: values.dry === true,
      allowDirty: values['allow-dirty'] === true,
      typecheck: values.typecheck === true,
      markBailouts: values['mark-bailouts'] === true,
      allowLossy: values['allow-lossy'] === true,
      tasks: values.tasks === undefined ? undefined : path.resolve(io.cwd, values.tasks),
      forbid: values.forbid ?? [],
      types: values.types ?? true,
      progress: values.progress === true,
    },
    io,
  );
}

function parse(args: readonly string[]) {
  return parseCommandArgs('codemod', args, {
    dry: { type: 'boolean' },
    'allow-dirty': { type: 'boolean' },
    typecheck: { type: 'boolean' },
    'mark-bailouts': { type: 'boolean' },
    'allow-lossy': { type: 'boolean' },
    tasks: { type: 'string' },
    forbid: { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    types: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    progress: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}

/** The `codemod` command. */
export const codemod: Command = {
  summary: 'Rewrite fleet hazards (spawn-to-taskspec)',
  help,
  run,
};
