/**
 * The work behind `fleet scan` once its arguments are valid: discover, lint, compare with the
 * baseline, report. Kept apart from the argument parsing so the CLI loads ESLint and TypeScript
 * only when it scans.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { findingsOf } from '../report/finding.js';
import { freshFindings } from '../report/ci-report.js';
import { repositoryRoot } from '../report/repository-root.js';
import type { CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { defaultRuleIds, knownRuleIds } from './eslint-config.js';
import { discoverFiles } from './files.js';
import { formatProgress, formatText } from './format.js';
import { formatReport } from './format-report.js';
import { formatSummary } from './format-summary.js';
import { hasTsconfig } from './has-tsconfig.js';
import { lintProject } from './lint-project.js';
import type { ScanPhase } from './lint-project.js';
import { MISSING_MANIFEST_NOTE, withoutMissingManifest } from './missing-manifest.js';
import { applyBaseline, suppressKnown } from './scan-baseline.js';
import { loadScanSettings } from './scan-settings.js';
import type { ScanArgs } from './scan.js';

/** Below this many files a run is short: no progress on a terminal unless `--progress` asks for it. */
const PROGRESS_THRESHOLD = 200;

/** Runs a scan and writes its report; resolves to the exit code (0 clean, 1 new findings). */
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
    ...(showProgress
      ? { onProgress: (done: number, total: number, phase: ScanPhase) => io.stderr.write(formatProgress(done, total, terminal, phase)) }
      : {}),
  });
  // Asked for by name, `require-route-role` reports everything; picked by default, it stays quiet
  // where no manifest applies (a repository new to Fleet) and one note says so.
  const { results, unchecked } = args.rules ? { results: outcome.results, unchecked: 0 } : withoutMissingManifest(outcome.results);
  // CI tools resolve paths against the repository root, also when a sub-folder is scanned; the
  // baseline and fingerprints then do not depend on which folder the scan started from.
  const base = repositoryRoot(args.root) ?? args.root;
  const findings = findingsOf(base, results);
  const baseline = args.baseline === undefined ? undefined : applyBaseline(args.baseline, io.cwd, findings, args.updateBaseline);
  const known = baseline?.known ?? new Set<string>();
  const ci = {
    root: base,
    findings,
    known,
    baselined: baseline !== undefined,
    ruleIds: ruleIds.map((id) => `fleet/${id}`),
    exitCode: EXIT.clean,
  };
  const fresh = freshFindings(ci);
  const exitCode = fresh.length > 0 ? EXIT.findings : EXIT.clean;
  const scan = {
    root: args.root,
    typedFiles: outcome.typedFiles,
    results: suppressKnown(results, findings, known),
    minifiedSkipped: minified.length,
  };

  const summaryFile = args.format === 'github' ? (io.env ?? process.env)['GITHUB_STEP_SUMMARY'] : undefined;
  if (summaryFile) {
    appendFileSync(
      summaryFile,
      formatSummary({ title: 'Fleet scan', findings: fresh, known: known.size, fixed: baseline?.fixed.length ?? 0 }),
    );
  }
  const text = await formatReport(args.format, { scan, ci: { ...ci, exitCode }, summaryWritten: summaryFile !== undefined });
  if (args.output === undefined) {
    io.stdout.write(text);
  } else {
    writeReport(args.output, text);
    io.stdout.write(formatText(scan));
  }
  for (const note of baseline?.notes ?? []) io.stderr.write(`${note}\n`);
  if (unchecked > 0) io.stderr.write(`${MISSING_MANIFEST_NOTE}\n`);
  return exitCode;
}

function writeReport(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(
      `fleet scan: cannot write the report to ${file} (${error instanceof Error ? error.message : String(error)}); check that its folder exists and is writable.`,
    );
  }
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
