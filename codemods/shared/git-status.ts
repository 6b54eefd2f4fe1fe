/**
 * The dirty-tree guard: a codemod rewrites many files, so it only runs on a tree whose changes
 * are committed (or with `--allow-dirty`), making `git diff` the review and `git checkout` the undo.
 */
import { execFileSync } from 'node:child_process';

/**
 * Paths under `root` with uncommitted changes (untracked included, ignored excluded);
 * `undefined` when `root` is not inside a git work tree (nothing to protect).
 */
export function uncommittedChanges(root: string): string[] | undefined {
  let output: string;
  try {
    output = execFileSync('git', ['status', '--porcelain', '--', '.'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}
