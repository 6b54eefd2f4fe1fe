/**
 * The work behind `fleet scan` once its arguments are valid: discover, lint, report. Kept apart
 * from the argument parsing so the CLI loads ESLint and TypeScript only when it scans.
 */
import type { CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { defaultRuleIds, knownRuleIds } from './eslint-config.js';
import { discoverFiles } from './files.js';
import { formatJson, formatProgress, formatText } from './format.js';
import { hasTsconfig } from './has-tsconfig.js';
import { lintProject } from './lint-project.js';
import type { ScanPhase } from './lint-project.js';
import { MISSING_MANIFEST_NOTE, withoutMissingManifest } from './missing-manifest.js';
import { loadScanSettings } from './scan-settings.js';
import type { ScanArgs } from './scan.js';

/** Below this many files a run is short: no progress on a terminal unless `--progress` asks for it. */
const PROGRESS_THRESHOLD = 200;

/** Runs a scan and writes its report; resolves to the exit code (0 clean, 1 findings). */
export async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  const ruleIds = args.rules ? resolveRules(args.rules) : defaultRuleIds();
  const settings = loadScanSettings(args.root, args.config);
  for (const note of settings.notes) io.stderr.write(`${note}\n`);
  const { files, minified, unreadable } = discoverFiles(args.root);
  for (const dir of unreadable) io.stderr.write(`fleet scan: skipped ${dir}: cannot read the directory.\n`);
  const types = args.types && hasTsconfig(args.root, files);
  const terminal = io.stderr.isTTY === true;
  const showProgress = args.progress ?? (terminal && files.length >= PROGRESS_THRESHOLD);
  const outcome = await lintProject({
    root: args.root,
    files,
    ruleIds,
    types,
    ...(settings.fleet ? { settings: settings.fleet } : {}),
    ...(showProgress ? { onProgress: (done: number, total: number, phase: ScanPhase) => io.stderr.write(formatProgress(done, total, terminal, phase)) } : {}),
  });
  // Asked for by name, `require-route-role` reports everything; picked by default, it stays quiet
  // where no manifest applies (a repository new to Fleet) and one note says so.
  const { results, unchecked } = args.rules ? { results: outcome.results, unchecked: 0 } : withoutMissingManifest(outcome.results);
  const report = { root: args.root, ...outcome, results, minifiedSkipped: minified.length };
  // `eslint --format json` prints the formatter's string plus a newline; so do we.
  io.stdout.write(args.format === 'json' ? `${await formatJson(report)}\n` : formatText(report));
  if (unchecked > 0) io.stderr.write(`${MISSING_MANIFEST_NOTE}\n`);
  const found = results.some((result) => result.messages.length > 0);
  return found ? EXIT.findings : EXIT.clean;
}

function resolveRules(requested: readonly string[]): string[] {
  const known = knownRuleIds();
  return [...new Set(requested)].map((raw) => {
    const id = raw.replace(/^fleet\//, '');
    if (!known.includes(id)) {
      throw new UsageError(`fleet scan: unknown rule "${raw}". Known rules: ${known.join(', ') || '(none)'}.`);
    }
    return id;
  });
}
