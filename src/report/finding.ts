/**
 * The CI-facing model of one scan finding: ESLint's message plus what every report format,
 * the baseline and the review bot need (relative path, full range, source snippet, fingerprint,
 * suggested edits as line ranges). Built once per scan by {@link findingsOf}.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import { fingerprintKey, fingerprintOf } from './fingerprint.js';
import { SourceLines } from './source-lines.js';

/** Rule label of a message that has no rule: the file could not be parsed. */
export const PARSE_ERROR_RULE = 'parse-error';

/** A 1-based line and column (UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** One suggested edit of a finding, from the rule's ESLint suggestion. */
export interface SuggestedEdit {
  readonly description: string;
  readonly start: Position;
  /** Exclusive end. */
  readonly end: Position;
  /** Replacement for `start..end`. */
  readonly text: string;
  /** The same edit as whole lines `startLine..endLine` replaced by `lines` (what GitHub suggestions need). */
  readonly wholeLines: { readonly startLine: number; readonly endLine: number; readonly lines: string };
}

/** One finding of a scan. */
export interface Finding {
  /** `fleet/<rule>`, or {@link PARSE_ERROR_RULE}. */
  readonly ruleId: string;
  /** Path relative to the scan root with `/` separators. */
  readonly file: string;
  readonly start: Position;
  /** Exclusive end; equals `start` when the rule reported a point. */
  readonly end: Position;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** A parsing error or a rule crash rather than a finding of the rule. */
  readonly fatal: boolean;
  /** The first flagged line, trimmed, whitespace collapsed (at most 200 characters). */
  readonly snippet: string;
  /** See `fingerprint.ts`. */
  readonly fingerprint: string;
  readonly suggestions: readonly SuggestedEdit[];
}

/** Findings of every result, in file then position order. */
export function findingsOf(root: string, results: readonly ESLint.LintResult[]): Finding[] {
  return results.flatMap((result) => {
    if (result.messages.length === 0) return [];
    const source = new SourceLines(result.source ?? readSource(result.filePath));
    const file = path.relative(root, result.filePath).split(path.sep).join('/') || path.basename(result.filePath);
    const seen = new Map<string, number>();
    return result.messages.map((message) => {
      const ruleId = message.ruleId ?? PARSE_ERROR_RULE;
      const start = { line: message.line, column: message.column };
      const end = { line: message.endLine ?? message.line, column: message.endColumn ?? message.column };
      const flagged =
        message.endLine === undefined ? source.line(message.line) : source.slice(start.line, start.column, end.line, end.column);
      const key = fingerprintKey({ ruleId, file, text: flagged, message: message.message });
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        ruleId,
        file,
        start,
        end,
        message: message.message,
        severity: message.severity === 2 ? 'error' : 'warning',
        fatal: message.fatal === true,
        snippet: source.line(message.line).trim().replace(/\s+/g, ' ').slice(0, 200),
        fingerprint: fingerprintOf(key, occurrence),
        suggestions: (message.suggestions ?? []).map((suggestion) => editOf(source, suggestion)),
      } satisfies Finding;
    });
  });
}

function editOf(source: SourceLines, suggestion: Linter.LintSuggestion): SuggestedEdit {
  const [from, to] = suggestion.fix.range;
  const start = source.positionOf(from);
  const end = source.positionOf(to);
  const before = source.line(start.line).slice(0, start.column - 1);
  const after = source.line(end.line).slice(end.column - 1);
  return {
    description: suggestion.desc,
    start,
    end,
    text: suggestion.fix.text,
    wholeLines: { startLine: start.line, endLine: end.line, lines: `${before}${suggestion.fix.text}${after}` },
  };
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The file vanished or cannot be read: the finding still counts, with an empty snippet.
    return '';
  }
}
