/**
 * The input of the machine-readable CI formats (SARIF, GitHub, rdjson, GitLab): every finding of
 * the scan, which of them a baseline accepts, and how the run ended.
 */
import type { Finding } from './finding.js';

/** A finished scan as the CI formats see it. */
export interface CiReport {
  /** Absolute base of the finding paths: the git repository's root, else the scan root. */
  readonly root: string;
  /** Every finding, baselined or not, in file and position order. */
  readonly findings: readonly Finding[];
  /** Fingerprints of the findings the baseline accepts (empty without a baseline). */
  readonly known: ReadonlySet<string>;
  /** Whether a baseline was applied (SARIF then marks each result `new` or `unchanged`). */
  readonly baselined: boolean;
  /** The rules that ran, as `fleet/<rule>`. */
  readonly ruleIds: readonly string[];
  /** The process exit code the scan ends with (0 clean, 1 new findings). */
  readonly exitCode: number;
}

/** The findings that fail the run: those the baseline does not accept. */
export function freshFindings(report: CiReport): Finding[] {
  return report.findings.filter((finding) => finding.fatal || !report.known.has(finding.fingerprint));
}

/** Errors first, then warnings; within a severity by file, line and column. */
export function bySeverity(a: Finding, b: Finding): number {
  const rank = (finding: Finding) => (finding.fatal ? 0 : finding.severity === 'error' ? 1 : 2);
  return (
    rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.start.line - b.start.line || a.start.column - b.start.column
  );
}
