/**
 * The work behind `fleet review`: diff, scan the changed files, plan the review, then post it
 * (or print it with `--dry`, or fall back to annotations when the token cannot write).
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { findingsOf } from '../report/finding.js';
import { changedLines } from '../review/changed-lines.js';
import { reviewBody } from '../review/comment-body.js';
import { diffText } from '../review/git.js';
import { createGithubClient } from '../review/github-client.js';
import { planReview } from '../review/plan.js';
import type { ReviewFinding, ReviewPlan } from '../review/plan.js';
import { deleteStale, postReview, readPosted } from '../review/post-review.js';
import type { ReviewPayload } from '../review/post-review.js';
import type { CliIo } from './command.js';
import { EXIT, UsageError } from './command.js';
import { defaultRuleIds } from './eslint-config.js';
import { discoverFiles } from './files.js';
import { formatGithub } from './format-github.js';
import { formatSummary } from './format-summary.js';
import { plural } from './format.js';
import { hasTsconfig } from './has-tsconfig.js';
import { lintProject } from './lint-project.js';
import { withoutMissingManifest } from './missing-manifest.js';
import type { ReviewArgs } from './review.js';
import { reviewTarget } from './review-target.js';
import type { ReviewTarget } from './review-target.js';

/** Runs a review; resolves to the exit code. GitHub errors other than rate limits and permissions exit 2. */
export async function runReview(args: ReviewArgs, io: CliIo): Promise<number> {
  try {
    return await review(args, io);
  } catch (error) {
    const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
    if (typeof status !== 'number') throw error;
    throw new UsageError(
      `fleet review: GitHub answered ${status}: ${String(message)}. Check --repo, --pr, GITHUB_API_URL and the token's permissions.`,
    );
  }
}

async function review(args: ReviewArgs, io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const target = reviewTarget(args, env);
  const findings = await scanChanged(args, target);
  const done = (plan: ReviewPlan) => (args.failOnFindings && plan.inScope.length > 0 ? EXIT.findings : EXIT.clean);

  if (args.dry || target.pr === undefined || target.token === undefined) {
    const plan = planReview(findings, changedOf(target), { mode: args.filterMode, maxComments: args.maxComments, posted: new Set() });
    io.stdout.write(`${JSON.stringify(payload(target, plan), null, 2)}\n`);
    return done(plan);
  }
  const pr = target.pr;
  const octokit = createGithubClient({
    token: target.token,
    baseUrl: target.apiUrl,
    onRetry: (status, waitMs, attempt) =>
      io.stderr.write(`fleet review: GitHub answered ${status}; retry ${attempt} in ${Math.ceil(waitMs / 1000)} s.\n`),
  });
  const state = await forbiddenAsUndefined(() => readPosted(octokit, pr));
  const plan = planReview(findings, changedOf(target), {
    mode: args.filterMode,
    maxComments: args.maxComments,
    posted: state?.posted ?? new Set(),
  });
  if (!state) return fallback(plan, io, env, done);

  const deleted = await forbiddenAsUndefined(() =>
    deleteStale(octokit, pr, state, new Set(findings.map(({ finding }) => finding.fingerprint))),
  );
  if (!deleted) return fallback(plan, io, env, done);
  const stale = deleted.length > 0 ? `; deleted ${plural(deleted.length, 'stale comment')}` : '';
  if (plan.comments.length === 0 && plan.overflow.length === 0) {
    io.stdout.write(`fleet review: nothing new to post (${plural(plan.alreadyPosted, 'finding')} already commented${stale}).\n`);
    return done(plan);
  }
  if ((await postReview(octokit, pr, payload(target, plan))) === 'forbidden') return fallback(plan, io, env, done);
  io.stdout.write(
    `fleet review: posted a review on ${pr.owner}/${pr.repo}#${pr.number} with ${plural(plan.comments.length, 'inline comment')}` +
      `${plan.overflow.length > 0 ? ` and ${plan.overflow.length} in its body` : ''} (${plan.alreadyPosted} already commented${stale}).\n`,
  );
  return done(plan);
}

/** Findings of the changed files (every file with `nofilter`), with repository-relative paths. */
async function scanChanged(args: ReviewArgs, target: ReviewTarget): Promise<ReviewFinding[]> {
  const changed = changedOf(target);
  const repoPath = (absolute: string) => path.relative(target.top, absolute).split(path.sep).join('/');
  const { files } = discoverFiles(args.root);
  const selected = args.filterMode === 'nofilter' ? files : files.filter((file) => changed.has(repoPath(file)));
  if (selected.length === 0) return [];
  const outcome = await lintProject({
    root: args.root,
    files: selected,
    ruleIds: defaultRuleIds(),
    types: args.types && hasTsconfig(args.root, files),
  });
  const { results } = withoutMissingManifest(outcome.results);
  return findingsOf(target.top, results).map((finding) => ({ finding, path: finding.file }));
}

const diffs = new Map<string, ReturnType<typeof changedLines>>();
function changedOf(target: ReviewTarget): ReturnType<typeof changedLines> {
  const key = `${target.top}\u0000${target.baseSha}\u0000${target.headSha}`;
  let changed = diffs.get(key);
  if (!changed) {
    changed = changedLines(diffText(target.top, target.baseSha, target.headSha));
    diffs.set(key, changed);
  }
  return changed;
}

function payload(target: ReviewTarget, plan: ReviewPlan): ReviewPayload {
  const findings = (items: readonly ReviewFinding[]) => items.map((item) => item.finding);
  return {
    commit_id: target.headSha,
    event: 'COMMENT',
    body: reviewBody(findings(plan.commented), findings(plan.overflow)),
    comments: plan.comments,
  };
}

/** The token cannot write (or read) the pull request: annotations and a job summary instead. */
function fallback(
  plan: ReviewPlan,
  io: CliIo,
  env: Readonly<Record<string, string | undefined>>,
  done: (plan: ReviewPlan) => number,
): number {
  const findings = plan.inScope.map(({ finding }) => finding);
  const note =
    'The token cannot write pull-request reviews here (a pull request from a fork, or a job without `pull-requests: write`), so the findings are shown as annotations instead.';
  const summaryFile = env['GITHUB_STEP_SUMMARY'];
  if (summaryFile) appendFileSync(summaryFile, formatSummary({ title: 'Fleet review', findings, note }));
  io.stderr.write(`fleet review: ${note}\n`);
  io.stdout.write(formatGithub(findings, { summaryWritten: Boolean(summaryFile) }));
  return done(plan);
}

/** The call's result, or `undefined` when GitHub answers 403/404: the token may not read or write here. */
async function forbiddenAsUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isForbidden(error)) return undefined;
    throw error;
  }
}

function isForbidden(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status === 403 || status === 404;
}
