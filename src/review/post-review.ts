/**
 * Talks to GitHub for one `fleet review` run: reads the bot's earlier comments and reviews,
 * deletes its stale comments (those whose finding is gone, unless someone replied), and posts at
 * most one review. A 403/404 on posting means the token cannot write (a pull request from a
 * fork): the caller then falls back to annotations.
 */
import type { Octokit } from '@octokit/rest';
import { bodyFingerprints, commentFingerprint } from './comment-body.js';
import type { ReviewComment } from './plan.js';

/** The pull request being reviewed. */
export interface PullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

/** What earlier runs left on the pull request. */
export interface PostedState {
  /** Fingerprints in our comments and review bodies. */
  readonly posted: ReadonlySet<string>;
  /** Our inline comments: id, fingerprint, whether anyone replied. */
  readonly comments: readonly { readonly id: number; readonly fingerprint: string; readonly replied: boolean }[];
}

/** Most stale comments deleted per run: deletions count against GitHub's content-creation limits. */
export const MAX_DELETIONS = 20;

/** Reads our earlier comments and review bodies. */
export async function readPosted(octokit: Octokit, pr: PullRequest): Promise<PostedState> {
  const params = { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 };
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, params);
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, params);
  const repliedTo = new Set(comments.map((comment) => comment.in_reply_to_id).filter((id) => id !== undefined));
  const ours = comments.flatMap((comment) => {
    const fingerprint = commentFingerprint(comment.body);
    return fingerprint ? [{ id: comment.id, fingerprint, replied: repliedTo.has(comment.id) }] : [];
  });
  const posted = new Set([...ours.map((comment) => comment.fingerprint), ...reviews.flatMap((review) => bodyFingerprints(review.body))]);
  return { posted, comments: ours };
}

/** Deletes our comments whose fingerprint is no longer found, unless replied to; returns the ids deleted. */
export async function deleteStale(octokit: Octokit, pr: PullRequest, state: PostedState, current: ReadonlySet<string>): Promise<number[]> {
  const stale = state.comments.filter((comment) => !current.has(comment.fingerprint) && !comment.replied).slice(0, MAX_DELETIONS);
  for (const comment of stale) await octokit.rest.pulls.deleteReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: comment.id });
  return stale.map((comment) => comment.id);
}

/** The review as posted (and as `--dry` prints it). */
export interface ReviewPayload {
  readonly commit_id: string;
  readonly event: 'COMMENT';
  readonly body: string;
  readonly comments: readonly ReviewComment[];
}

/** Posts the review; `'forbidden'` when the token may not (403/404 after retries). */
export async function postReview(octokit: Octokit, pr: PullRequest, review: ReviewPayload): Promise<'posted' | 'forbidden'> {
  try {
    await octokit.rest.pulls.createReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      ...review,
      comments: [...review.comments],
    });
    return 'posted';
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 403 || status === 404) return 'forbidden';
    throw error;
  }
}
