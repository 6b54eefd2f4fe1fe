/**
 * `fleet routes [dir]`: the route inventory with each route's role from the manifest;
 * `--check` for CI (unclassified routes, stale, tied and shadowed declarations), `--init` to
 * declare the unclassified routes.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { FORMATS } from './format.js';
import type { FormatName } from './format.js';

/** Parsed `fleet routes` arguments. */
export interface RoutesArgs {
  /** Absolute project directory. */
  readonly root: string;
  readonly format: FormatName;
  /** Absolute manifest path: `--manifest`, else the nearest `fleet.routes.yaml` from `root`, else `<root>/fleet.routes.yaml`. */
  readonly manifest: string | undefined;
  readonly check: boolean;
  readonly init: boolean;
}

const help = `Usage: fleet routes [dir] [options]

List every HTTP route of the project in dir (default: the current directory) with its role
from the route manifest (fleet.routes.yaml): method, full path, role, file:line, framework,
handler (the function, or the imported name a route is registered with).

Options:
  -f, --format <name>    Output format: text (default) or json.
  -m, --manifest <path>  The manifest (default: the nearest fleet.routes.yaml from dir,
                         else dir/fleet.routes.yaml).
      --check            Exit 1 when a route is unclassified, a declaration matches no route
                         (stale), two declarations tie, or an ide-only declaration is shadowed
                         by fleet-ok ones so that it never applies. Routes whose prefix cannot
                         be resolved statically are warnings: they cannot be checked.
      --init             Declare every unclassified route in the manifest as ide-only with
                         reason "unreviewed" (creates the file; keeps existing content).
  -h, --help             Show this help.

Exit codes: 0 clean, 1 check findings, 2 bad usage or a broken manifest.
`;

/** Parses `fleet routes` arguments; throws {@link UsageError} on anything it cannot use. */
export function parseRoutesArgs(args: readonly string[], cwd: string): RoutesArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        manifest: { type: 'string', short: 'm' },
        check: { type: 'boolean' },
        init: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(message)?.[1];
    throw new UsageError(
      `fleet routes: ${option ? `unknown or malformed option ${option}` : message}. Run \`fleet routes --help\` for the options.`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (positionals.length > 1)
    throw new UsageError(`fleet routes takes one directory, got ${positionals.length} (${positionals.join(', ')}).`);
  const root = path.resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new UsageError(`fleet routes: ${root} is not a directory. Pass the project folder, e.g. \`fleet routes .\`.`);
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`fleet routes: unknown format "${format}". Use --format ${FORMATS.join(' or --format ')}.`);
  if (values.check === true && values.init === true)
    throw new UsageError('fleet routes: use --init or --check, not both (run --init, review the manifest, then --check).');
  return {
    root,
    format: format as FormatName,
    manifest: values.manifest === undefined ? undefined : path.resolve(cwd, values.manifest),
    check: values.check === true,
    init: values.init === true,
  };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseRoutesArgs(args, io.cwd);
  if (parsed === 'help') {
    io.stdout.write(help);
    return EXIT.clean;
  }
  // Loaded on demand so help and usage errors do not pay for the parser.
  const { routesReport } = await import('../routes/routes-report.js');
  const { formatRoutesJson, formatRoutesText } = await import('./format-routes.js');
  const report = routesReport(parsed);
  if (report.kind === 'broken') {
    io.stderr.write(`${report.message}\n`);
    return EXIT.usage;
  }
  io.stdout.write(parsed.format === 'json' ? formatRoutesJson(report) : formatRoutesText(report));
  return parsed.check && !report.passed ? EXIT.findings : EXIT.clean;
}

/** The `routes` command. */
export const routes: Command = {
  summary: 'List the HTTP routes with their roles; --check the manifest, --init it',
  help,
  run,
};
