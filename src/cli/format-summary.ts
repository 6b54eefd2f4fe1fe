/**
 * The Markdown job summary (`$GITHUB_STEP_SUMMARY`) for `fleet scan --format github` and for
 * `fleet review` when it cannot post a review: counts by rule, then every finding in a table.
 */
import type { Finding } from '../report/finding.js';
import { bySeverity } from '../report/ci-report.js';
import { ruleInfo } from '../report/rule-info.js';
import { plural } from './format.js';

/** Rows of the findings table; GitHub caps a step's summary at 1 MiB. */
const MAX_ROWS = 500;

/** What the summary reports. */
export interface SummaryInput {
  readonly title: string;
  /** Findings that fail the run. */
  readonly findings: readonly Finding[];
  /** Findings accepted by the baseline (counted, not listed). */
  readonly known?: number;
  /** Baseline entries that no longer match. */
  readonly fixed?: number;
  /** An extra paragraph under the title (e.g. why the review was not posted). */
  readonly note?: string;
}

/** The summary as Markdown. */
export function formatSummary(input: SummaryInput): string {
  const out = [`## ${input.title}`, ''];
  if (input.note) out.push(input.note, '');
  const extras = [
    input.known ? `${input.known} accepted by the baseline` : '',
    input.fixed ? `${input.fixed} baseline ${input.fixed === 1 ? 'entry' : 'entries'} fixed` : '',
  ].filter(Boolean);
  const files = new Set(input.findings.map((finding) => finding.file)).size;
  const headline =
    input.findings.length === 0 ? 'No new findings' : `**${plural(input.findings.length, 'new finding')}** in ${plural(files, 'file')}`;
  out.push(`${headline}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}.`, '');
  if (input.findings.length === 0) return `${out.join('\n')}\n`;

  const byRule = new Map<string, number>();
  for (const finding of input.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  out.push('| Rule | Findings |', '| --- | ---: |');
  for (const [rule, count] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)))
    out.push(`| [\`${rule}\`](${ruleInfo(rule).helpUri}) | ${count} |`);
  out.push('', findingsTable(input.findings, MAX_ROWS));
  return `${out.join('\n')}\n`;
}

/** A Markdown table of findings (most severe first), at most `limit` rows plus a "more" line. */
export function findingsTable(findings: readonly Finding[], limit: number): string {
  const sorted = [...findings].sort(bySeverity);
  const rows = sorted
    .slice(0, limit)
    .map(
      (finding) =>
        `| \`${cell(finding.file)}:${finding.start.line}\` | ${finding.severity} | \`${finding.ruleId}\` | ${cell(finding.message)} |`,
    );
  const more = sorted.length > limit ? [``, `…and ${sorted.length - limit} more (see the log).`] : [];
  return ['| Where | Severity | Rule | Finding |', '| --- | --- | --- | --- |', ...rows, ...more].join('\n');
}

function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
