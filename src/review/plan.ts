/**
 * Decides what one `fleet review` run posts: which findings are in scope for the filter mode,
 * which get an inline comment (on lines GitHub accepts, at most `maxComments`), which go to the
 * review body, and which were already posted by an earlier run.
 */
import type { Finding } from '../report/finding.js';
import { bySeverity } from '../report/ci-report.js';
import type { ChangedFile } from './changed-lines.js';
import { inOneHunk } from './changed-lines.js';
import { commentBody } from './comment-body.js';
import type { FixBlock } from './comment-body.js';
import type { FilterMode } from './filter-mode.js';

/** A finding with its path relative to the repository root (the diff's paths). */
export interface ReviewFinding {
  readonly finding: Finding;
  readonly path: string;
}

/** One inline comment of the review, as the GitHub API takes it. */
export interface ReviewComment {
  readonly path: string;
  readonly line: number;
  readonly side: 'RIGHT';
  readonly start_line?: number;
  readonly start_side?: 'RIGHT';
  readonly body: string;
}

/** What the run will post. */
export interface ReviewPlan {
  /** Findings the filter mode keeps (posted or not). */
  readonly inScope: readonly ReviewFinding[];
  readonly comments: readonly ReviewComment[];
  /** Findings of the comments, in the same order. */
  readonly commented: readonly ReviewFinding[];
  /** New findings with no inline comment: outside the diff or past `maxComments`. */
  readonly overflow: readonly ReviewFinding[];
  /** In scope but already posted by an earlier run. */
  readonly alreadyPosted: number;
}

/** Options of {@link planReview}. */
export interface PlanOptions {
  readonly mode: FilterMode;
  readonly maxComments: number;
  /** Fingerprints already in our earlier comments and review bodies. */
  readonly posted: ReadonlySet<string>;
  /** Add the codemod command to comments (see `guidance.ts`). */
  readonly codemod?: boolean;
}

/** Plans the review of `findings` against the changed lines. */
export function planReview(
  findings: readonly ReviewFinding[],
  changed: ReadonlyMap<string, ChangedFile>,
  options: PlanOptions,
): ReviewPlan {
  const inScope = findings.filter(({ finding, path }) => keeps(options.mode, finding, changed.get(path)));
  const fresh = inScope.filter(({ finding }) => !options.posted.has(finding.fingerprint)).sort((a, b) => bySeverity(a.finding, b.finding));
  const comments: ReviewComment[] = [];
  const commented: ReviewFinding[] = [];
  const overflow: ReviewFinding[] = [];
  for (const item of fresh) {
    const comment = comments.length < options.maxComments ? inlineComment(item, changed.get(item.path), options.codemod) : undefined;
    if (comment) {
      comments.push(comment);
      commented.push(item);
    } else {
      overflow.push(item);
    }
  }
  return { inScope, comments, commented, overflow, alreadyPosted: inScope.length - fresh.length };
}

function keeps(mode: FilterMode, finding: Finding, file: ChangedFile | undefined): boolean {
  if (mode === 'nofilter') return true;
  if (!file) return false;
  if (mode === 'file') return true;
  const lines = mode === 'added' ? file.added : file.commentable;
  for (let line = finding.start.line; line <= finding.end.line; line++) if (lines.has(line)) return true;
  return false;
}

/** The comment for a finding, or `undefined` when none of its lines can carry one. */
function inlineComment(
  { finding, path }: ReviewFinding,
  file: ChangedFile | undefined,
  codemod: boolean | undefined,
): ReviewComment | undefined {
  if (!file) return undefined;
  const [edit] = finding.suggestions;
  // A suggestion replaces exactly the comment's lines, so the comment must span the edit's lines.
  if (finding.suggestions.length === 1 && edit && inOneHunk(file, edit.wholeLines.startLine, edit.wholeLines.endLine)) {
    const { startLine, endLine, lines } = edit.wholeLines;
    const fix: FixBlock = { kind: 'suggestion', lines, description: edit.description };
    return { path, ...range(startLine, endLine), body: commentBody(finding, path, fix, codemod) };
  }
  for (let line = finding.start.line; line <= finding.end.line; line++) {
    if (file.commentable.has(line)) return { path, ...range(line, line), body: commentBody(finding, path, { kind: 'guidance' }, codemod) };
  }
  return undefined;
}

function range(startLine: number, endLine: number): Pick<ReviewComment, 'line' | 'side' | 'start_line' | 'start_side'> {
  return startLine === endLine
    ? { line: endLine, side: 'RIGHT' }
    : { start_line: startLine, start_side: 'RIGHT', line: endLine, side: 'RIGHT' };
}
