/**
 * The root of the git repository a directory is in: the base that GitHub, GitLab and reviewdog
 * resolve report paths against. Found by looking for `.git` (a folder, or a file in worktrees and
 * submodules) without running git.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest directory at or above `dir` that holds `.git`; `undefined` outside a repository. */
export function repositoryRoot(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}
