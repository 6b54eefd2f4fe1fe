/**
 * Every piece of text the CLI prints about a scan: the human report, the JSON report, progress.
 * Kept in one place so the output stays consistent and a new format is one function here.
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
export const FORMATS = ['text', 'json'] as const;
/** One of {@link FORMATS}. */
export type FormatName = (typeof FORMATS)[number];

/** Label in the text report for a parsing error, which has no rule id. */
const PARSE_ERROR = 'parse-error';

/**
 * ESLint's own `json` formatter output, byte for byte, so any tool that reads
 * `eslint --format json` reads `fleet scan --format json`.
 */
export async function formatJson(report: ScanReport): Promise<string> {
  const { ESLint } = await import('eslint');
  const formatter = await new ESLint({ cwd: report.root, overrideConfigFile: true }).loadFormatter('json');
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
export function formatProgress(done: number, total: number, terminal: boolean): string {
  const text = `fleet scan: ${done}/${total} files`;
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A `fleet routes` report that is not broken. */
type RoutesOutput = Extract<import('../routes/routes-report.js').RoutesReport, { kind: 'report' }>;

function relativeTo(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/') || file;
}

/** `fleet routes` as a table (method, path, role, file:line, framework), then `--init` / `--check` results. */
export function formatRoutesText(report: RoutesOutput): string {
  const manifest = relativeTo(report.root, report.manifest);
  const out: string[] = [];
  const rows = report.rows.map((row) => [
    row.method,
    row.entry.pattern ?? `${row.entry.rawPath ?? '<dynamic path>'} (prefix unresolved)`,
    row.role ?? (row.entry.complete ? 'unclassified' : 'unresolved'),
    `${row.entry.file}:${row.entry.line}`,
    row.entry.framework,
  ]);
  const header = ['METHOD', 'PATH', 'ROLE', 'FILE', 'FRAMEWORK'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i]!.length)));
  for (const cells of [header, ...rows]) out.push(cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  out.push('', `${plural(report.rows.length, 'route')}; manifest: ${report.manifestFound ? manifest : `${manifest} (not found; create it with \`fleet routes --init\`)`}.`);
  if (report.added !== undefined) {
    out.push(report.added.length === 0 ? `--init: every route is declared; ${manifest} unchanged.` : `--init: added ${plural(report.added.length, 'declaration')} (ide-only, reason "unreviewed") to ${manifest}; review each and carve out fleet-ok routes.`);
  }
  for (const error of report.errors) out.push(`warning: ${error} (its routes are missing)`);
  const check = report.check;
  if (check) {
    out.push('');
    for (const row of check.unclassified) {
      out.push(`unclassified: ${row.method} ${row.entry.pattern} (${row.entry.file}:${row.entry.line}) matches no declaration; add one to ${manifest} or run \`fleet routes --init\`.`);
    }
    for (const d of check.stale) out.push(`stale: ${manifest}:${d.position.line}:${d.position.column} ${d.method} ${d.path} matches no route; remove it or fix its path.`);
    for (const { declaration: d, by } of check.shadowed) {
      const winners = by.map((w) => `${w.method} ${w.path} (line ${w.position.line})`).join(', ');
      out.push(`shadowed: ${manifest}:${d.position.line}:${d.position.column} ide-only ${d.method} ${d.path} never applies: fleet-ok ${winners} win every request; remove it or narrow the fleet-ok declarations.`);
    }
    for (const issue of check.ties) out.push(`tie: ${relativeTo(report.root, issue.file)}:${issue.line}:${issue.column} ${issue.message}`);
    for (const row of check.unresolved) {
      out.push(`warning: ${row.method} ${row.entry.rawPath ?? '<dynamic path>'} (${row.entry.file}:${row.entry.line}) cannot be checked: ${row.entry.unresolved}; declare its full path by hand.`);
    }
    const problems = check.unclassified.length + check.stale.length + check.shadowed.length + check.ties.length;
    out.push(problems === 0 ? `Check passed${check.unresolved.length > 0 ? ` with ${plural(check.unresolved.length, 'unresolved route')}` : ''}.` : `Check failed: ${plural(problems, 'problem')}.`);
  }
  return `${out.join('\n')}\n`;
}

/** `fleet routes --format json`: one object, stable keys, paths relative to the project root. */
export function formatRoutesJson(report: RoutesOutput): string {
  const manifest = relativeTo(report.root, report.manifest);
  const declaration = (d: { method: string; path: string; role: string; position: { line: number; column: number } }) => ({ method: d.method, path: d.path, role: d.role, line: d.position.line, column: d.position.column });
  const routes = report.rows.map((row) => ({
    method: row.method,
    pattern: row.entry.pattern ?? null,
    rawPath: row.entry.rawPath ?? null,
    complete: row.entry.complete,
    unresolved: row.entry.unresolved ?? null,
    role: row.role ?? null,
    declaration: row.declaration ? declaration(row.declaration) : null,
    file: row.entry.file,
    line: row.entry.line,
    column: row.entry.column,
    framework: row.entry.framework,
  }));
  const check = report.check && {
    passed: report.passed,
    unclassified: report.check.unclassified.map((row) => ({ method: row.method, pattern: row.entry.pattern, file: row.entry.file, line: row.entry.line })),
    stale: report.check.stale.map(declaration),
    shadowed: report.check.shadowed.map((s) => ({ ...declaration(s.declaration), by: s.by.map(declaration) })),
    ties: report.check.ties.map((issue) => ({ line: issue.line, column: issue.column, message: issue.message })),
    unresolved: report.check.unresolved.map((row) => ({ method: row.method, rawPath: row.entry.rawPath ?? null, file: row.entry.file, line: row.entry.line, reason: row.entry.unresolved })),
  };
  return `${JSON.stringify({ manifest: report.manifestFound ? manifest : null, routes, added: report.added ?? null, check: check ?? null, errors: report.errors }, null, 2)}\n`;
}
