/**
 * Every piece of text the CLI prints about a scan (the human report, the JSON report, progress),
 * and the helpers `format-routes.ts` shares for `fleet routes`. The CI formats live beside it in
 * `format-<name>.ts`, and `format-report.ts` is the one place that picks a format.
 */
import path from 'node:path';
import type { ESLint } from 'eslint';

/** Everything a report needs about a finished scan. */
export interface ScanReport {
  /** Absolute scan root; paths are printed relative to it. */
  readonly root: string;
  readonly results: readonly ESLint.LintResult[];
  /** Files linted with type information. */
  readonly typedFiles: number;
  /** Files left out because they look minified. */
  readonly minifiedSkipped: number;
}

/** The names `--format` accepts. */
export const FORMATS = ['text', 'json', 'sarif', 'github', 'rdjson', 'gitlab'] as const;
/** One of {@link FORMATS}. */
export type FormatName = (typeof FORMATS)[number];

/** Label in the text report for a parsing error, which has no rule id. */
const PARSE_ERROR = 'parse-error';

/**
 * ESLint's own `json` formatter output, byte for byte, so any tool that reads
 * `eslint --format json` reads `fleet scan --format json`.
 */
export async function formatJson(report: ScanReport): Promise<string> {
  const { quietEslint } = await import('./quiet-eslint.js');
  const formatter = await quietEslint({ cwd: report.root, overrideConfigFile: true }).loadFormatter('json');
  return formatter.format([...report.results]);
}

/** The human report: findings grouped by file, then counts by rule and totals. */
export function formatText(report: ScanReport): string {
  const withFindings = report.results.filter((result) => result.messages.length > 0);
  const scope = scopeLine(report);
  if (withFindings.length === 0) return `No Fleet findings: ${scope}.\n`;

  const rows = withFindings.map((result) => ({
    file: path.relative(report.root, result.filePath).split(path.sep).join('/'),
    lines: result.messages.map((message) => ({
      position: `${message.line}:${message.column}`,
      label: labelOf(message),
      text: message.message.replace(/\s*\n\s*/g, ' '),
    })),
  }));
  const positionWidth = Math.max(...rows.flatMap((row) => row.lines.map((line) => line.position.length)));
  const labelWidth = Math.max(...rows.flatMap((row) => row.lines.map((line) => line.label.length)));
  const out: string[] = [];
  for (const row of rows) {
    out.push(row.file);
    for (const line of row.lines) {
      out.push(`  ${line.position.padEnd(positionWidth)}  ${line.label.padEnd(labelWidth)}  ${line.text}`);
    }
    out.push('');
  }

  const byLabel = new Map<string, number>();
  for (const row of rows) for (const line of row.lines) byLabel.set(line.label, (byLabel.get(line.label) ?? 0) + 1);
  const total = [...byLabel.values()].reduce((sum, count) => sum + count, 0);
  const summaryWidth = Math.max(...[...byLabel.keys()].map((label) => label.length));
  out.push('Findings by rule:');
  for (const [label, count] of [...byLabel].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`  ${label.padEnd(summaryWidth)}  ${count}`);
  }
  out.push('');
  out.push(`${plural(total, 'finding')} in ${plural(rows.length, 'file')}: ${scope}.`);
  return `${out.join('\n')}\n`;
}

/**
 * One progress line for stderr. On a terminal it rewrites itself (`\r`); elsewhere (CI logs)
 * each update is its own line.
 */
export function formatProgress(done: number, total: number, terminal: boolean, phase: 'syntax' | 'types' = 'syntax'): string {
  // The typed phase only visits the files that hold handlers: say so, or 40/40 after 4000/4000 looks like a restart.
  const text =
    phase === 'types' ? `fleet scan: type information for ${done}/${total} files with handlers` : `fleet scan: ${done}/${total} files`;
  return terminal ? `\r${text}${done === total ? '\n' : ''}` : `${text}\n`;
}

function labelOf(message: { ruleId: string | null; fatal?: boolean | undefined }): string {
  if (message.ruleId === null) return PARSE_ERROR;
  return message.fatal === true ? `${message.ruleId} (crash)` : message.ruleId;
}

function scopeLine(report: ScanReport): string {
  const parts = [`${plural(report.results.length, 'file')} scanned`];
  parts.push(report.typedFiles > 0 ? `${report.typedFiles} with type information` : 'without type information');
  if (report.minifiedSkipped > 0) parts.push(`${plural(report.minifiedSkipped, 'minified file')} skipped`);
  return parts.join(', ');
}

/** `1 file`, `2 files`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `file` relative to `root` with `/` separators (the file itself when it is the root). */
export function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || file;
}
