/**
 * Builds a real git repository for the review tests: a base commit, then a head commit on top.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeProject } from '../cli/helpers.js';

/** The repository and its two commits. */
export interface TwoCommits {
  readonly root: string;
  readonly base: string;
  readonly head: string;
}

function git(root: string, args: readonly string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
}

function write(root: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
}

/** A repository with `base` committed, then `head` (files written over it) committed; head checked out. */
export function twoCommits(base: Readonly<Record<string, string>>, head: Readonly<Record<string, string>>): TwoCommits {
  const root = makeProject(base);
  git(root, ['init', '--quiet', '--initial-branch=main']);
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '-m', 'base']);
  const baseSha = git(root, ['rev-parse', 'HEAD']);
  write(root, head);
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '-m', 'head']);
  return { root, base: baseSha, head: git(root, ['rev-parse', 'HEAD']) };
}

/** Commits `files` on top of the current head and returns the new head. */
export function commitMore(root: string, files: Readonly<Record<string, string>>): string {
  write(root, files);
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '-m', 'more']);
  return git(root, ['rev-parse', 'HEAD']);
}
