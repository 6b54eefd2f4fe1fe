/**
 * `fleet scan [dir]`: lint a repository with Fleet's rules and no configuration.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command, CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { FORMATS } from './format.js';
import type { FormatName } from './format.js';
import { DEFAULT_BASELINE } from './scan-baseline.js';

/** Parsed `fleet scan` arguments. */
export interface ScanArgs {
  /** Absolute directory to scan. */
  readonly root: string;
  readonly format: FormatName;
  /** `false` with `--no-types`; otherwise type-aware when `root` or a package in it has a `tsconfig.json`. */
  readonly types: boolean;
  /** `true` with `--progress`, `false` with `--no-progress`, else shown on a terminal for long runs. */
  readonly progress: boolean | undefined;
  /** Rule ids as given to `--rule` (with or without `fleet/`); `undefined` = every recommended rule. */
  readonly rules: readonly string[] | undefined;
  /** Absolute file the report goes to (`--output`); the terminal then gets the text report. */
  readonly output: string | undefined;
  /** Absolute baseline file (`--baseline`, or the default with `--update-baseline`). */
  readonly baseline: string | undefined;
  /** `--update-baseline`: rewrite the baseline with the current findings first. */
  readonly updateBaseline: boolean;
  /** `--config <file>`: a JSON file holding `settings.fleet`; default: `fleet.config.json`, else `package.json#fleet`. */
  readonly config: string | undefined;
}

const help = `Usage: fleet scan [dir] [options]

Lint a repository for fleet hazards with Fleet's rules only (your own ESLint config is
ignored). Scans dir (default: the current directory), honouring .gitignore and skipping
node_modules, dist, build, .next, coverage, out and minified bundles. Uses type information
when dir (or a package in it) has a tsconfig.json; files no tsconfig includes are
scanned without types.

Settings (settings.fleet: handler wrappers, queues, workspace and bundle sources, serveFiles,
the manifest path) are read from fleet.config.json in dir, else the "fleet" key of dir's
package.json; JavaScript configs (fleet.config.js, eslint.config.js) are never executed.

Route roles (require-route-role) are checked against the nearest fleet.routes.yaml. Files no
manifest applies to are left unchecked, with one note on stderr instead of a finding per file
(create the manifest with \`fleet routes --init\`); --rule require-route-role reports them all.

Options:
  -f, --format <name>     Output format: text (default), json (ESLint's json formatter),
                          sarif (SARIF 2.1.0, for code scanning), github (workflow-command
                          annotations, plus a job summary when GITHUB_STEP_SUMMARY is set),
                          rdjson (reviewdog) or gitlab (GitLab Code Quality).
  -o, --output <file>     Write the report to file; the terminal still gets the text report.
      --baseline <file>   Fail only on findings whose fingerprint is not in this baseline file.
      --update-baseline   Rewrite the baseline (default .fleet-baseline.json in dir) with the
                          current findings, pruning fixed ones; exits 0 unless a file failed to parse.
      --no-types          Do not use type information, even with a tsconfig.json.
      --rule <id>         Run only this rule (repeatable), e.g. --rule no-floating-work-in-handler.
      --config <file>     Read settings.fleet from this JSON file instead of fleet.config.json
                          or package.json#fleet.
      --progress          Print progress on stderr (default: only on a terminal, for long runs).
  -h, --help              Show this help.

Exit codes: 0 nothing (new) found, 1 findings (not in the baseline), 2 bad usage or configuration.
`;

/** Parses `fleet scan` arguments; throws {@link UsageError} on anything it cannot use. */
export function parseScanArgs(args: readonly string[], cwd: string): ScanArgs | 'help' {
  const { values, positionals } = parseOrExplain(args);
  if (values.help === true) return 'help';
  if (positionals.length > 1) {
    throw new UsageError(
      `fleet scan takes one directory, got ${positionals.length} (${positionals.join(', ')}); scan their common parent instead.`,
    );
  }
  const root = path.resolve(cwd, positionals[0] ?? '.');
  if (!existsSync(root))
    throw new UsageError(`fleet scan: directory not found: ${root}. Pass an existing directory, e.g. \`fleet scan .\`.`);
  if (!statSync(root).isDirectory()) {
    throw new UsageError(`fleet scan: ${root} is not a directory. Pass the folder to scan, e.g. \`fleet scan ${path.dirname(root)}\`.`);
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`fleet scan: unknown format "${format}". Use one of: ${FORMATS.join(', ')}.`);
  }
  const updateBaseline = values['update-baseline'] ?? false;
  const baseline = values.baseline ?? (updateBaseline ? path.join(root, DEFAULT_BASELINE) : undefined);
  return {
    root,
    format: format as FormatName,
    types: values.types ?? true,
    progress: values.progress,
    rules: values.rule,
    output: values.output === undefined ? undefined : path.resolve(cwd, values.output),
    baseline: baseline === undefined ? undefined : path.resolve(cwd, baseline),
    updateBaseline,
    config: values.config,
  };
}

function parseOrExplain(args: readonly string[]) {
  return parseCommandArgs('scan', args, {
    format: { type: 'string', short: 'f' },
    types: { type: 'boolean' },
    progress: { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseScanArgs(args, io.cwd);
  if (parsed === 'help') {
    io.stdout.write(help);
    return EXIT.clean;
  }
  // Loaded on demand so `fleet --version`, help and usage errors do not pay for ESLint and TypeScript.
  const { runScan } = await import('./run-scan.js');
  return runScan(parsed, io);
}

/** The `scan` command. */
export const scan: Command = {
  summary: 'Find fleet hazards in a repository (zero configuration)',
  help,
  run,
};
