/**
 * The Markdown of the bot's review comments and review body, with the hidden fingerprint markers
 * that let the next run recognise its own comments.
 */
import type { Finding } from '../report/finding.js';
import { ruleInfo } from '../report/rule-info.js';
import { findingsTable } from '../cli/format-summary.js';
import { guidanceFor } from './guidance.js';

const MARKER = 'fleet-review';
const COMMENT_MARKER = new RegExp(`<!-- ${MARKER} fingerprint:([0-9a-f]+) -->`);
const BODY_MARKER = new RegExp(`<!-- ${MARKER} fingerprints:([0-9a-f,]*) -->`);

/** How a comment proposes the fix. */
export type FixBlock =
  /** A GitHub suggestion replacing the comment's lines with `lines`; `description` is the rule's. */
  | { readonly kind: 'suggestion'; readonly lines: string; readonly description: string }
  /** A collapsed block with the rule's guidance. */
  | { readonly kind: 'guidance' };

/** The body of one inline comment: verdict, why it matters, the fix, the hidden fingerprint. */
export function commentBody(finding: Finding, repoPath: string, fix: FixBlock, codemod?: boolean): string {
  const info = ruleInfo(finding.ruleId);
  const verdict = `**[\`${finding.ruleId}\`](${info.helpUri})** ${finding.message}`;
  const fixText =
    fix.kind === 'suggestion'
      ? `Suggested fix: ${fix.description}\n\n\`\`\`suggestion\n${fix.lines}\n\`\`\``
      : `<details>\n<summary>How to fix</summary>\n\n${guidanceFor(finding.ruleId, repoPath, codemod)}\n\n</details>`;
  return `${verdict}\n\n${info.rationale}\n\n${fixText}\n\n<!-- ${MARKER} fingerprint:${finding.fingerprint} -->`;
}

/** The review body: a headline, the findings that got no inline comment, and their markers. */
export function reviewBody(commented: readonly Finding[], overflow: readonly Finding[]): string {
  const total = commented.length + overflow.length;
  const lines = [`**Fleet** found ${total} new ${total === 1 ? 'finding' : 'findings'} in this pull request.`];
  if (overflow.length > 0) {
    lines.push(
      '',
      `${overflow.length === 1 ? 'This one has' : `These ${overflow.length} have`} no inline comment (outside the diff, or past the comment limit):`,
      '',
      findingsTable(overflow, 100),
    );
  }
  lines.push('', `<!-- ${MARKER} fingerprints:${overflow.map((finding) => finding.fingerprint).join(',')} -->`);
  return lines.join('\n');
}

/** The fingerprint hidden in one of our comments, or `undefined` for anyone else's comment. */
export function commentFingerprint(body: string): string | undefined {
  return COMMENT_MARKER.exec(body)?.[1];
}

/** The fingerprints hidden in one of our review bodies (empty for anyone else's). */
export function bodyFingerprints(body: string): string[] {
  const list = BODY_MARKER.exec(body)?.[1];
  return list ? list.split(',').filter(Boolean) : [];
}
