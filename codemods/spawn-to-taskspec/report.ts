/**
 * The codemod's report: per file `ok | unchanged | skipped | error`, per site
 * `rewritten | bailed | needs-review` with its captures, and how it is printed.
 */
import path from 'node:path';
import type { CaptureClass } from './captures.js';

/** One site as the report shows it. */
export interface SiteReport {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly messageId: string;
  action: 'rewritten' | 'bailed' | 'needs-review';
  reason?: string;
  message?: string;
  variant?: string;
  captures: { name: string; class: CaptureClass; why?: string }[];
  generated: string[];
}

/** The whole run. */
export interface CodemodReport {
  readonly version: 1;
  readonly tool: string;
  readonly root: string;
  readonly files: { file: string; status: 'ok' | 'unchanged' | 'skipped' | 'error'; error?: string }[];
  readonly sites: SiteReport[];
  readonly notes: string[];
  readonly summary: { rewritten: number; bailed: number; needsReview: number; errors: number; filesChanged: number };
  readonly timings: { lintMs: number; analyseMs: number; totalMs: number };
}

/** The text report: one line per site, then the notes and a summary. */
export function formatReport(report: CodemodReport): string {
  const lines = report.sites.map((site) => {
    const where = `${path.relative(report.root, site.file)}:${site.line}:${site.column}`;
    const what =
      site.action === 'bailed'
        ? `bailed (${site.reason}): ${site.message}`
        : `${site.action}${site.variant ? ` → ${site.variant}` : ''}${site.message ? `: ${site.message}` : ''}`;
    return `${where}  ${what}`;
  });
  for (const file of report.files.filter((entry) => entry.status === 'error'))
    lines.push(`${path.relative(report.root, file.file)}  error: ${file.error}`);
  const { rewritten, bailed, needsReview, errors, filesChanged } = report.summary;
  lines.push(...report.notes.map((note) => `note: ${note}`));
  lines.push(`${rewritten} rewritten, ${needsReview} need review, ${bailed} bailed, ${errors} errors; ${filesChanged} files changed.`);
  return `${lines.join('\n')}\n`;
}
