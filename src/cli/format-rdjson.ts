/**
 * `fleet scan --format rdjson`: reviewdog's Diagnostic Result format, for `reviewdog -f=rdjson`.
 * Suggestions carry the rules' ESLint suggestions, so reviewdog's `github-pr-review` reporter can
 * post them as GitHub suggestions. Columns are ESLint's (UTF-16 code units); rdjson counts UTF-8
 * bytes, which is the same on ASCII lines.
 */
import type { Finding, Position } from '../report/finding.js';
import { ruleInfo } from '../report/rule-info.js';

/** The rdjson `DiagnosticResult` for `findings` (the ones that fail the run). */
export function formatRdjson(findings: readonly Finding[]): string {
  const result = {
    source: { name: 'fleet', url: 'https://github.com/fleet-dev/fleet' },
    diagnostics: findings.map((finding) => ({
      message: finding.message,
      location: { path: finding.file, range: range(finding.start, finding.end) },
      severity: finding.severity === 'error' ? 'ERROR' : 'WARNING',
      source: { name: 'fleet' },
      code: { value: finding.ruleId, url: ruleInfo(finding.ruleId).helpUri },
      ...(finding.suggestions.length > 0
        ? { suggestions: finding.suggestions.map((edit) => ({ range: range(edit.start, edit.end), text: edit.text })) }
        : {}),
    })),
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}

function range(start: Position, end: Position) {
  return { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } };
}
