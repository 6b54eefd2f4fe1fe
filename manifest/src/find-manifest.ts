import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The manifest file name `findManifest` looks for. */
export const MANIFEST_FILE_NAME = 'fleet.routes.yaml';

/**
 * The nearest `fleet.routes.yaml` in `startDir` or its parents, as an absolute path, or
 * `undefined`. The walk stops after the repository root (a directory holding `.git`, a folder or
 * a worktree's file) or the filesystem root, so a manifest outside the project is never picked up.
 */
export function findManifest(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, MANIFEST_FILE_NAME);
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (statSync(join(dir, '.git'), { throwIfNoEntry: false })) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
