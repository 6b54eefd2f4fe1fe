/**
 * The git plumbing `fleet review` needs: resolve refs, find the merge base, and the diff between
 * the merge base and the head. Runs the `git` binary (synchronously, no shell).
 */
import { execFileSync } from 'node:child_process';

/** A git command failed; the message says which and what git answered. */
export class GitError extends Error {
  override readonly name = 'GitError';
}

/** Runs `git <args>` in `cwd` and returns its stdout. */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string | Buffer }).stderr?.toString().trim() ?? '';
    throw new GitError(`\`git ${args.join(' ')}\` failed in ${cwd}: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}

/** The full SHA of `ref`. */
export function resolveCommit(cwd: string, ref: string): string {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim();
}

/** The repository's top-level directory (paths in diffs are relative to it). */
export function topLevel(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-toplevel']).trim();
}

/** The best common ancestor of two commits. */
export function mergeBase(cwd: string, a: string, b: string): string {
  return git(cwd, ['merge-base', a, b]).trim();
}

/** The unified diff from `base` to `head` (3 lines of context, renames followed). */
export function diffText(cwd: string, base: string, head: string): string {
  return git(cwd, ['-c', 'core.quotepath=off', 'diff', '--no-color', '--no-ext-diff', '--unified=3', '--find-renames', base, head]);
}
