/**
 * Stats of the project's files, shared by every reader of the project-reading layer while one file
 * is linted. Analysing one handler file asks about the same imported modules again and again (the
 * resolver tries a module's candidate names, each per-version cache checks the version of its
 * module, every rule asks for itself), and each ask was a `stat` system call: 31,000 by the caches
 * and 23,000 by the resolver in one lint of the 2,099-file synthetic backend.
 *
 * A remembered answer is used until the host starts another file (`beginFile`, called by every
 * rule's `create`) and for at most {@link MAX_AGE_MS}, so a long-lived editor process sees each
 * save at the next file it lints, and a tool without rules (`fleet routes`) within a second; a
 * file changed on disk during the analysis of one linted file may be seen in either version, as
 * it could be without the memo.
 */
import { statSync } from 'node:fs';
import type { Stats } from 'node:fs';

/** How long a remembered stat is used when no new file begins. */
export const MAX_AGE_MS = 1000;

// `null`: missing, unreadable, or not statable (a broken link, no permission).
const known = new Map<string, Stats | null>();
/** Other answers derived from the file system alone, with the same lifetime as the stats. */
const memos: Map<unknown, unknown>[] = [];
let lintedFile: object | undefined;
let since = 0;

function forget(): void {
  known.clear();
  for (const memo of memos) memo.clear();
}

/**
 * A map whose entries live as long as the remembered stats (until another linted file begins, at
 * most {@link MAX_AGE_MS}): for answers that depend on nothing but which files exist, such as
 * module resolution.
 */
export function fileSystemMemo<T, K = string>(): Map<K, T> {
  const memo = new Map<K, T>();
  memos.push(memo);
  return memo;
}

/**
 * Marks the start of the analysis of one linted file; `file` is any object unique to that lint
 * (ESLint's `SourceCode`). The remembered stats are dropped when it is not the current one.
 */
export function beginFile(file: object): void {
  if (file === lintedFile) return;
  lintedFile = file;
  forget();
  since = Date.now();
}

/** The stats of `file` (absolute), `undefined` when it is missing or cannot be statted. */
export function statOf(file: string): Stats | undefined {
  const now = Date.now();
  if (now - since >= MAX_AGE_MS) {
    forget();
    since = now;
  }
  const cached = known.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let stats: Stats | null;
  try {
    stats = statSync(file, { throwIfNoEntry: false }) ?? null;
  } catch {
    stats = null;
  }
  known.set(file, stats);
  return stats ?? undefined;
}

/** True when `file` is a regular file. */
export function isRegularFile(file: string): boolean {
  return statOf(file)?.isFile() === true;
}

/** Forgets every remembered stat (tests and tools that write files, then read them back at once). */
export function clearFileStats(): void {
  forget();
  lintedFile = undefined;
}
