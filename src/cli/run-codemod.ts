/**
 * The work behind `fleet codemod` once its arguments are valid: root, dirty-tree guard, file
 * discovery, the run, the report and the exit code.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { discoverFiles } from './files.js';
import { hasTsconfig } from './has-tsconfig.js';
import { uncommittedChanges } from '../../codemods/shared/git-status.js';

/** Parsed `fleet codemod spawn-to-taskspec` arguments. */
export interface CodemodArgs {
  readonly codemod: 'spawn-to-taskspec' | 'interval-to-schedule';
  readonly targets: readonly string[];
  readonly format: 'text' | 'json';
  readonly failOn: 'bail' | 'review' | 'none';
  readonly dry: boolean;
  readonly allowDirty: boolean;
  readonly typecheck: boolean;
  readonly markBailouts: boolean;
  readonly allowLossy: boolean;
  readonly tasks: string | undefined;
  readonly forbid: readonly string[];
  readonly types: boolean;
  readonly progress: boolean;
}

/** Exit code for internal or parse errors. */
const EXIT_ERRORS = 3;

/** Runs the codemod; resolves to the exit code. */
export async function runCodemodCommand(args: CodemodArgs, io: CliIo): Promise<number> {
  const first = args.targets[0]!;
  const root = projectRoot(statSync(first).isDirectory() ? first : path.dirname(first));
  const dirty = args.dry || args.allowDirty ? undefined : uncommittedChanges(root);
  if (dirty && dirty.length > 0) {
    throw new UsageError(
      `fleet codemod: ${dirty.length} uncommitted change(s) under ${root} (e.g. ${dirty[0]}); commit or stash them so \`git diff\` shows only the codemod's edits, or pass --allow-dirty.`,
    );
  }
  const files = [
    ...new Set(args.targets.flatMap((target) => (statSync(target).isDirectory() ? discoverFiles(target).files : [target]))),
  ].filter((file) => !/\.d\.[cm]?ts$/.test(file));
  const runCodemod =
    args.codemod === 'spawn-to-taskspec'
      ? (await import('../../codemods/spawn-to-taskspec/run.js')).runSpawnToTaskspec
      : (await import('../../codemods/interval-to-schedule/run.js')).runIntervalToSchedule;
  const { formatReport } = await import('../../codemods/spawn-to-taskspec/report.js');
  const diff: string[] = [];
  let report;
  try {
    report = await runCodemod({
      root,
      files,
      types: args.types && hasTsconfig(root, files),
      dry: args.dry,
      typecheck: args.typecheck,
      markBailouts: args.markBailouts,
      allowLossy: args.allowLossy,
      tasks: args.tasks,
      forbid: args.forbid,
      // With --format json the diff goes into the report, keeping stdout one JSON document.
      write: (text) => (args.format === 'json' ? diff.push(text) : io.stdout.write(text)),
      progress: args.progress ? (message) => io.stderr.write(`fleet codemod: ${message}\n`) : undefined,
    });
  } catch (error) {
    io.stderr.write(
      `fleet codemod: internal error, please report it with this output:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT_ERRORS;
  }
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(args.dry ? { ...report, diff: diff.join('') } : report, null, 2)}\n`);
  else (args.dry ? io.stderr : io.stdout).write(formatReport(report));
  if (report.summary.errors > 0) return EXIT_ERRORS;
  const failing = args.failOn === 'none' ? 0 : report.summary.bailed + (args.failOn === 'review' ? report.summary.needsReview : 0);
  return failing > 0 ? EXIT.findings : EXIT.clean;
}

function projectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
