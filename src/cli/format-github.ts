/**
 * `fleet scan --format github`: GitHub Actions workflow commands, one `::error`/`::warning` line
 * per finding, most severe first. GitHub shows only 10 annotations of each kind per step (and 50
 * per job) and silently drops the rest, so past that cap findings are printed as plain log lines
 * and one notice says how many; the job summary (see `format-summary.ts`) has them all.
 */
import type { Finding } from '../report/finding.js';
import { bySeverity } from '../report/ci-report.js';

/** Annotations of one kind GitHub displays per step. */
export const ANNOTATIONS_PER_KIND = 10;

/** Workflow-command lines for `findings` (the ones that fail the run). */
export function formatGithub(findings: readonly Finding[], options: { readonly summaryWritten: boolean }): string {
  const sorted = [...findings].sort(bySeverity);
  const shown = { error: 0, warning: 0 };
  const lines: string[] = [];
  let overflow = 0;
  for (const finding of sorted) {
    if (shown[finding.severity] < ANNOTATIONS_PER_KIND) {
      shown[finding.severity]++;
      lines.push(annotation(finding));
    } else {
      overflow++;
      lines.push(`${finding.file}:${finding.start.line}:${finding.start.column}  ${finding.ruleId}  ${oneLine(finding.message)}`);
    }
  }
  if (overflow > 0) {
    const where = options.summaryWritten ? 'in this log and in the job summary' : 'in this log';
    lines.push(
      `::notice title=Fleet::${escapeData(`${findings.length} Fleet findings; GitHub shows ${ANNOTATIONS_PER_KIND} annotations of each kind per step, the other ${overflow} are listed ${where}.`)}`,
    );
  }
  if (findings.length === 0) lines.push('No new Fleet findings.');
  return `${lines.join('\n')}\n`;
}

/** One `::error`/`::warning` workflow command. Columns are only valid on single-line ranges. */
export function annotation(finding: Finding): string {
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', finding.start.line],
    ['endLine', finding.end.line],
  ];
  if (finding.start.line === finding.end.line) {
    properties.push(['col', finding.start.column], ['endColumn', Math.max(finding.end.column, finding.start.column)]);
  }
  properties.push(['title', finding.ruleId]);
  const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${finding.severity} ${list}::${escapeData(finding.message)}`;
}

/** Escapes a workflow command's message (as `@actions/core` does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
