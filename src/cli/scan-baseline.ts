/**
 * `fleet scan --baseline <file>` and `--update-baseline`: reads or rewrites the baseline, and
 * moves the accepted findings out of the ESLint results (into `suppressedMessages`, as ESLint's
 * own bulk suppressions do) so the text and JSON reports show only what fails the run.
 */
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { BaselineError, compareWithBaseline, readBaseline, writeBaseline } from '../report/baseline.js';
import type { BaselineEntry } from '../report/baseline.js';
import type { Finding } from '../report/finding.js';
import { UsageError } from './command.js';
import { plural } from './format.js';

/** The default baseline file, at the scan root, for `--update-baseline` without `--baseline`. */
export const DEFAULT_BASELINE = '.fleet-baseline.json';

/** What a baseline did to a scan. */
export interface BaselineOutcome {
  /** Fingerprints of the findings the baseline accepts. */
  readonly known: ReadonlySet<string>;
  /** Entries nothing matches any more (before an update pruned them). */
  readonly fixed: readonly BaselineEntry[];
  /** Lines for stderr: what was accepted, fixed or written. */
  readonly notes: readonly string[];
}

/**
 * Applies (or, with `update`, first rewrites) the baseline at `file` (absolute; shown relative to
 * `cwd`) to `findings`.
 * Throws {@link UsageError} when the file is missing without `update`, or unreadable.
 */
export function applyBaseline(file: string, cwd: string, findings: readonly Finding[], update: boolean): BaselineOutcome {
  const shown = path.relative(cwd, file) || file;
  let entries: BaselineEntry[] | undefined;
  try {
    entries = readBaseline(file);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`fleet scan: ${error.message}`);
    throw error;
  }
  if (!entries && !update) {
    throw new UsageError(
      `fleet scan: baseline file not found: ${file}. Create it with \`fleet scan --baseline ${shown} --update-baseline\`.`,
    );
  }
  const before = compareWithBaseline(findings, entries ?? []);
  const notes: string[] = [];
  if (update) {
    writeBaseline(file, findings);
    const accepted = findings.filter((finding) => !finding.fatal).length;
    notes.push(
      `Baseline ${shown}: wrote ${plural(accepted, 'finding')} (${before.fresh.filter((finding) => !finding.fatal).length} added, ${before.fixed.length} fixed pruned).`,
    );
    for (const entry of before.fixed) notes.push(`  fixed: ${describe(entry)}`);
    // The new baseline is exactly the current findings (less parse errors and crashes).
    return {
      known: new Set(findings.filter((finding) => !finding.fatal).map((finding) => finding.fingerprint)),
      fixed: before.fixed,
      notes,
    };
  }
  notes.push(
    `Baseline ${shown}: ${plural(before.known.length, 'finding')} accepted, ${before.fresh.length} new, ${before.fixed.length} fixed.`,
  );
  for (const entry of before.fixed) notes.push(`  fixed: ${describe(entry)}`);
  if (before.fixed.length > 0)
    notes.push(
      `Prune the fixed ${before.fixed.length === 1 ? 'entry' : 'entries'} with \`fleet scan --baseline ${shown} --update-baseline\`.`,
    );
  return { known: new Set(before.known.map((finding) => finding.fingerprint)), fixed: before.fixed, notes };
}

/** The results with every message whose finding is accepted moved to `suppressedMessages`. */
export function suppressKnown(
  results: readonly ESLint.LintResult[],
  findings: readonly Finding[],
  known: ReadonlySet<string>,
): ESLint.LintResult[] {
  if (known.size === 0) return [...results];
  let index = 0;
  return results.map((result) => {
    // `findingsOf` walks the same results in the same order: one finding per message.
    const accepted = result.messages.map(() => {
      const finding = findings[index++]!;
      return !finding.fatal && known.has(finding.fingerprint);
    });
    if (!accepted.includes(true)) return result;
    const messages = result.messages.filter((_, position) => !accepted[position]);
    const suppressed = result.messages
      .filter((_, position) => accepted[position])
      .map((message): Linter.SuppressedLintMessage => ({ ...message, suppressions: [{ kind: 'file', justification: 'Fleet baseline' }] }));
    const count = (predicate: (message: Linter.LintMessage) => boolean) => messages.filter(predicate).length;
    return {
      ...result,
      messages,
      suppressedMessages: [...result.suppressedMessages, ...suppressed],
      errorCount: count((message) => message.severity === 2),
      fatalErrorCount: count((message) => message.fatal === true),
      warningCount: count((message) => message.severity === 1),
      fixableErrorCount: count((message) => message.severity === 2 && message.fix !== undefined),
      fixableWarningCount: count((message) => message.severity === 1 && message.fix !== undefined),
    };
  });
}

function describe(entry: BaselineEntry): string {
  return `${entry.file}  ${entry.rule}  ${entry.source}`;
}
