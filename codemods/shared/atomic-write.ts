/**
 * Atomic, root-confined writes: a file is written beside its target and renamed over it, so a
 * crash never leaves half a file; a path outside the target root is refused.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** True when `file` (absolute) is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Writes `text` to `file` atomically; throws when `file` is outside `root`. */
export function writeAtomic(root: string, file: string, text: string): void {
  if (!isInside(root, file)) throw new Error(`fleet codemod: refusing to write ${file}: it is outside the target root ${root}.`);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.fleet-${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
