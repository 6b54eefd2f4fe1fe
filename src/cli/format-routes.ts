/**
 * What `fleet routes` prints: the table (method, path, role, file:line, framework, handler) and
 * the JSON report. A route whose handler is in another module shows the name it is registered
 * with (`LibraryController.create`), as a local handler shows its function name.
 */
import type { RoutesReport } from '../routes/routes-report.js';
import { plural, relativeTo } from './format.js';

/** A `fleet routes` report that is not broken. */
type RoutesOutput = Extract<RoutesReport, { kind: 'report' }>;

/** `fleet routes` as a table (method, path, role, file:line, framework, handler), then `--init` / `--check` results. */
export function formatRoutesText(report: RoutesOutput): string {
  const manifest = relativeTo(report.root, report.manifest);
  const out: string[] = [];
  const rows = report.rows.map((row) => [
    row.method,
    row.entry.pattern ?? `${row.entry.rawPath ?? '<dynamic path>'} (prefix unresolved)`,
    row.role ?? (row.entry.complete ? 'unclassified' : 'unresolved'),
    `${row.entry.file}:${row.entry.line}`,
    row.entry.framework,
    row.entry.targetName ?? '<anonymous>',
  ]);
  const header = ['METHOD', 'PATH', 'ROLE', 'FILE', 'FRAMEWORK', 'HANDLER'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i]!.length)));
  for (const cells of [header, ...rows])
    out.push(cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
  out.push(
    '',
    `${plural(report.rows.length, 'route')}; manifest: ${report.manifestFound ? manifest : `${manifest} (not found; create it with \`fleet routes --init\`)`}.`,
  );
  if (report.added !== undefined) {
    out.push(
      report.added.length === 0
        ? `--init: every route is declared; ${manifest} unchanged.`
        : `--init: added ${plural(report.added.length, 'declaration')} (ide-only, reason "unreviewed") to ${manifest}; review each and carve out fleet-ok routes.`,
    );
  }
  for (const error of report.errors) out.push(`warning: ${error} (its routes are missing)`);
  const check = report.check;
  if (check) {
    out.push('');
    for (const row of check.unclassified) {
      out.push(
        `unclassified: ${row.method} ${row.entry.pattern} (${row.entry.file}:${row.entry.line}) matches no declaration; add one to ${manifest} or run \`fleet routes --init\`.`,
      );
    }
    for (const d of check.stale)
      out.push(
        `stale: ${manifest}:${d.position.line}:${d.position.column} ${d.method} ${d.path} matches no route; remove it or fix its path.`,
      );
    for (const { declaration: d, by } of check.shadowed) {
      const winners = by.map((w) => `${w.method} ${w.path} (line ${w.position.line})`).join(', ');
      out.push(
        `shadowed: ${manifest}:${d.position.line}:${d.position.column} ide-only ${d.method} ${d.path} never applies: fleet-ok ${winners} win every request; remove it or narrow the fleet-ok declarations.`,
      );
    }
    for (const issue of check.ties) out.push(`tie: ${relativeTo(report.root, issue.file)}:${issue.line}:${issue.column} ${issue.message}`);
    for (const row of check.unresolved) {
      out.push(
        `warning: ${row.method} ${row.entry.rawPath ?? '<dynamic path>'} (${row.entry.file}:${row.entry.line}) cannot be checked: ${row.entry.unresolved}; declare its full path by hand.`,
      );
    }
    const problems = check.unclassified.length + check.stale.length + check.shadowed.length + check.ties.length;
    out.push(
      problems === 0
        ? `Check passed${check.unresolved.length > 0 ? ` with ${plural(check.unresolved.length, 'unresolved route')}` : ''}.`
        : `Check failed: ${plural(problems, 'problem')}.`,
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * `fleet routes --format json`: one object, stable keys, paths relative to the project root.
 * Each route has `source` (`handler`: a function of that file answers it; `external`: an
 * imported or package-built handler) and `handler` (its name, `null` when anonymous).
 */
export function formatRoutesJson(report: RoutesOutput): string {
  const manifest = relativeTo(report.root, report.manifest);
  const declaration = (d: { method: string; path: string; role: string; position: { line: number; column: number } }) => ({
    method: d.method,
    path: d.path,
    role: d.role,
    line: d.position.line,
    column: d.position.column,
  });
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
    source: row.entry.source,
    handler: row.entry.targetName ?? null,
  }));
  const check = report.check && {
    passed: report.passed,
    unclassified: report.check.unclassified.map((row) => ({
      method: row.method,
      pattern: row.entry.pattern,
      file: row.entry.file,
      line: row.entry.line,
    })),
    stale: report.check.stale.map(declaration),
    shadowed: report.check.shadowed.map((s) => ({ ...declaration(s.declaration), by: s.by.map(declaration) })),
    ties: report.check.ties.map((issue) => ({ line: issue.line, column: issue.column, message: issue.message })),
    unresolved: report.check.unresolved.map((row) => ({
      method: row.method,
      rawPath: row.entry.rawPath ?? null,
      file: row.entry.file,
      line: row.entry.line,
      reason: row.entry.unresolved,
    })),
  };
  return `${JSON.stringify({ manifest: report.manifestFound ? manifest : null, routes, added: report.added ?? null, check: check ?? null, errors: report.errors }, null, 2)}\n`;
}
