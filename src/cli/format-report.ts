/**
 * The one place that turns a finished scan into the text of the format asked for.
 */
import type { CiReport } from '../report/ci-report.js';
import { freshFindings } from '../report/ci-report.js';
import { formatGithub } from './format-github.js';
import { formatGitlab } from './format-gitlab.js';
import { formatRdjson } from './format-rdjson.js';
import { formatSarif } from './format-sarif.js';
import type { FormatName, ScanReport } from './format.js';
import { formatJson, formatText } from './format.js';

/** A scan in both shapes: ESLint results (text, json) and findings (the CI formats). */
export interface FinishedScan {
  /** Results with the baseline's accepted findings moved to `suppressedMessages`. */
  readonly scan: ScanReport;
  readonly ci: CiReport;
  /** A job summary is being written too (the GitHub format then points at it). */
  readonly summaryWritten: boolean;
}

/** The report text in `format`. */
export async function formatReport(format: FormatName, finished: FinishedScan): Promise<string> {
  switch (format) {
    case 'text':
      return formatText(finished.scan);
    case 'json':
      // `eslint --format json` prints the formatter's string plus a newline; so do we.
      return `${await formatJson(finished.scan)}\n`;
    case 'sarif':
      return formatSarif(finished.ci);
    case 'github':
      return formatGithub(freshFindings(finished.ci), { summaryWritten: finished.summaryWritten });
    case 'rdjson':
      return formatRdjson(freshFindings(finished.ci));
    case 'gitlab':
      return formatGitlab(freshFindings(finished.ci));
  }
}
