import type { LineCounter, YAMLError } from 'yaml';
import type { ManifestIssue } from '../manifest-error.js';

/**
 * YAML syntax errors as issues, one per line (the parser reports every token after the first
 * mistake on a line), with a hint for the two mistakes route tables invite: an unquoted `*`
 * (a YAML alias) and an unquoted `{id}` inside a `{ … }` flow mapping.
 */
export function syntaxIssues(file: string, source: string, lines: LineCounter, errors: readonly YAMLError[]): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const seen = new Set<number>();
  const sourceLines = source.split(/\r?\n/);
  for (const error of errors) {
    const { line, col } = lines.linePos(error.pos[0]);
    if (seen.has(line)) continue;
    seen.add(line);
    const text = sourceLines[line - 1] ?? '';
    const summary = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    issues.push({ file, line, column: col, code: 'syntax', message: `YAML syntax error: ${summary}${hint(text)}.` });
  }
  return issues;
}

function hint(line: string): string {
  if (/:\s*\*\s*(?:[,}#]|$)/.test(line)) return '; `*` starts a YAML alias, so quote it: `method: "*"`';
  if (/\{[^"']*:\s*\/[^"',]*\{/.test(line)) {
    return '; inside `{ … }` a path with braces must be quoted: `path: "/api/items/{id}"`';
  }
  return '';
}
