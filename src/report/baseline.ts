/**
 * The baseline of a legacy codebase: the fingerprints of the findings a team accepts for now, in
 * a committed JSON file. A scan against it fails only on findings whose fingerprint is not in it.
 * Unlike ESLint's per-file counts, each entry is one finding, so fixing one finding and adding
 * another in the same file still fails. Parsing errors and rule crashes are never baselined:
 * they mean the file was not checked at all.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from './finding.js';

/** One accepted finding. `rule`, `file` and `source` are there for the humans reading the diff. */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly rule: string;
  readonly file: string;
  /** The finding's first source line, trimmed and whitespace-collapsed. */
  readonly source: string;
}

/** The file's shape. */
export interface BaselineFile {
  readonly version: 1;
  readonly findings: readonly BaselineEntry[];
}

/** A baseline file that exists but cannot be used; the message names the file and what to do. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** How the current findings compare with a baseline. */
export interface BaselineComparison {
  /** Not in the baseline: these fail the run. */
  readonly fresh: readonly Finding[];
  /** In the baseline: reported as known, do not fail the run. */
  readonly known: readonly Finding[];
  /** Baseline entries no current finding matches: fixed (or changed), pruned by an update. */
  readonly fixed: readonly BaselineEntry[];
}

/** Reads a baseline; `undefined` when the file does not exist. */
export function readBaseline(file: string): BaselineEntry[] | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BaselineError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it or rewrite it with \`fleet scan --update-baseline\`.`,
    );
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if ((data as { version?: unknown } | null)?.version !== 1 || !Array.isArray(findings)) {
    throw new BaselineError(
      `${file}: not a Fleet baseline (expected {"version": 1, "findings": [...]}); rewrite it with \`fleet scan --update-baseline\`.`,
    );
  }
  return findings.map((entry: unknown, index) => {
    const { fingerprint, rule, file: path, source } = (entry ?? {}) as Record<string, unknown>;
    if (typeof fingerprint !== 'string' || typeof rule !== 'string' || typeof path !== 'string' || typeof source !== 'string') {
      throw new BaselineError(
        `${file}: entry ${index + 1} needs string fields fingerprint, rule, file and source; rewrite it with \`fleet scan --update-baseline\`.`,
      );
    }
    return { fingerprint, rule, file: path, source };
  });
}

/** Splits `findings` into fresh and known, and lists the entries nothing matches any more. */
export function compareWithBaseline(findings: readonly Finding[], baseline: readonly BaselineEntry[]): BaselineComparison {
  const accepted = new Set(baseline.map((entry) => entry.fingerprint));
  const current = new Set(findings.map((finding) => finding.fingerprint));
  return {
    fresh: findings.filter((finding) => finding.fatal || !accepted.has(finding.fingerprint)),
    known: findings.filter((finding) => !finding.fatal && accepted.has(finding.fingerprint)),
    fixed: baseline.filter((entry) => !current.has(entry.fingerprint)),
  };
}

/**
 * The baseline text for `findings`: sorted by file, rule, source and fingerprint, one field per
 * line, so a diff shows exactly which findings were accepted or fixed. Same input, same bytes.
 */
export function baselineText(findings: readonly Finding[]): string {
  const entries = findings
    .filter((finding) => !finding.fatal)
    .map((finding): BaselineEntry => ({
      fingerprint: finding.fingerprint,
      rule: finding.ruleId,
      file: finding.file,
      source: finding.snippet,
    }))
    .sort(
      (a, b) => compare(a.file, b.file) || compare(a.rule, b.rule) || compare(a.source, b.source) || compare(a.fingerprint, b.fingerprint),
    );
  const unique = entries.filter((entry, index) => index === 0 || entry.fingerprint !== entries[index - 1]!.fingerprint);
  const file: BaselineFile = { version: 1, findings: unique };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes {@link baselineText} to `file`. */
export function writeBaseline(file: string, findings: readonly Finding[]): void {
  writeFileSync(file, baselineText(findings));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
