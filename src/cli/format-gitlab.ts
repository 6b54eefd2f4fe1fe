/**
 * `fleet scan --format gitlab`: a GitLab Code Quality report (the CodeClimate subset GitLab
 * reads from `artifacts:reports:codequality`). The fingerprint is the shared one, so GitLab's
 * merge-request widget tells new findings from existing ones across line shifts.
 */
import type { Finding } from '../report/finding.js';

/** The Code Quality JSON array for `findings` (the ones that fail the run). */
export function formatGitlab(findings: readonly Finding[]): string {
  const issues = findings.map((finding) => ({
    type: 'issue',
    description: finding.message,
    check_name: finding.ruleId,
    fingerprint: finding.fingerprint,
    severity: finding.fatal ? 'blocker' : finding.severity === 'error' ? 'major' : 'minor',
    categories: ['Bug Risk'],
    location: { path: finding.file, lines: { begin: finding.start.line, end: finding.end.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
