/**
 * Where `fleet review` looks and posts: the commits (head checked out, merge base with the base),
 * the pull request and the token, from the arguments or GitHub Actions' environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { GitError, mergeBase, resolveCommit, topLevel } from '../review/git.js';
import type { PullRequest } from '../review/post-review.js';
import { UsageError } from './command.js';
import type { ReviewArgs } from './review.js';

/** The resolved target of a review. */
export interface ReviewTarget {
  /** Repository top level; diff paths are relative to it. */
  readonly top: string;
  readonly headSha: string;
  readonly baseSha: string;
  /** `undefined` with `--dry` when nothing names it. */
  readonly pr: PullRequest | undefined;
  readonly token: string | undefined;
  readonly apiUrl: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Resolves the target; throws {@link UsageError} saying what is missing and how to give it. */
export function reviewTarget(args: ReviewArgs, env: Env): ReviewTarget {
  try {
    const top = topLevel(args.root);
    const headRef = args.head ?? env['GITHUB_SHA'] ?? 'HEAD';
    const headSha = commit(top, headRef, '--head');
    if (commit(top, 'HEAD', 'HEAD') !== headSha) {
      throw new UsageError(
        `fleet review: the working tree is not at the head ${headRef} (${headSha.slice(0, 12)}); check it out first (actions/checkout with ref: the pull request's head SHA).`,
      );
    }
    const baseRef = args.base ?? (env['GITHUB_BASE_REF'] ? `origin/${env['GITHUB_BASE_REF']}` : undefined);
    if (baseRef === undefined)
      throw new UsageError(
        'fleet review: no base to compare with; pass --base <ref> (in GitHub Actions, GITHUB_BASE_REF gives it on pull_request events).',
      );
    const baseSha = mergeBase(top, commit(top, baseRef, '--base'), headSha);
    const pr = pullRequest(args, env);
    const token = env['GITHUB_TOKEN'] || undefined;
    if (!args.dry && (pr === undefined || token === undefined)) {
      throw new UsageError(
        `fleet review: ${pr === undefined ? 'no pull request; pass --repo <owner/name> and --pr <number>' : 'GITHUB_TOKEN is not set; give the job `pull-requests: write` and pass the token'} (or use --dry to print the review).`,
      );
    }
    return { top, headSha, baseSha, pr, token, apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com' };
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`fleet review: ${error.message}`);
    throw error;
  }
}

function commit(top: string, ref: string, option: string): string {
  try {
    return resolveCommit(top, ref);
  } catch {
    throw new UsageError(
      `fleet review: ${option} ${ref} is not a commit of the repository at ${top}; fetch it first (actions/checkout with fetch-depth: 0).`,
    );
  }
}

function pullRequest(args: ReviewArgs, env: Env): PullRequest | undefined {
  const repo = args.repo ?? env['GITHUB_REPOSITORY'];
  const number = args.pr ?? eventPullNumber(env['GITHUB_EVENT_PATH']) ?? refPullNumber(env['GITHUB_REF']);
  if (repo === undefined || number === undefined) return undefined;
  const [owner, name, ...rest] = repo.split('/');
  if (!owner || !name || rest.length > 0) throw new UsageError(`fleet review: --repo needs owner/name, got "${repo}".`);
  return { owner, repo: name, number };
}

function eventPullNumber(file: string | undefined): number | undefined {
  if (!file || !existsSync(file)) return undefined;
  const event = JSON.parse(readFileSync(file, 'utf8')) as { pull_request?: { number?: unknown } };
  return typeof event.pull_request?.number === 'number' ? event.pull_request.number : undefined;
}

function refPullNumber(ref: string | undefined): number | undefined {
  const match = /^refs\/pull\/(\d+)\//.exec(ref ?? '');
  return match ? Number(match[1]) : undefined;
}
