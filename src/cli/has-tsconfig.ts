/**
 * Whether a scan can use type information: a `tsconfig.json` at the root, or, in a monorepo
 * whose root has only a `tsconfig.base.json`, one in a package that holds scanned files. The
 * project service then finds each file's nearest tsconfig; files none covers are linted without.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** True when `root` or a directory between `root` and one of `files` has a `tsconfig.json`. */
export function hasTsconfig(root: string, files: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(file); dir.startsWith(root) && !seen.has(dir); dir = path.dirname(dir)) {
      seen.add(dir);
      if (existsSync(path.join(dir, 'tsconfig.json'))) return true;
      if (dir === root) break;
    }
  }
  return existsSync(path.join(root, 'tsconfig.json'));
}
