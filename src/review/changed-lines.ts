/**
 * Which lines of the head a pull request changed, from its unified diff (parsed by `parse-diff`).
 * GitHub accepts review comments only on lines inside a diff hunk (added or context lines of the
 * right side), so both sets are kept per file.
 */
import parseDiff from 'parse-diff';

/** The changed lines of one file of the head. */
export interface ChangedFile {
  /** Lines added or modified (right side). */
  readonly added: ReadonlySet<number>;
  /** Every right-side line inside a hunk (added and context): where a comment may go. */
  readonly commentable: ReadonlySet<number>;
  /** First and last right-side line of each hunk, to keep a comment's range inside one hunk. */
  readonly hunks: readonly (readonly [number, number])[];
}

/** Head paths (relative to the repository root) → their changed lines. Deleted files are absent. */
export function changedLines(diff: string): Map<string, ChangedFile> {
  const files = new Map<string, ChangedFile>();
  for (const file of parseDiff(diff)) {
    if (file.deleted === true || file.to === undefined || file.to === '/dev/null') continue;
    const added = new Set<number>();
    const commentable = new Set<number>();
    const hunks: [number, number][] = [];
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) {
        if (change.type === 'add') added.add(change.ln);
        if (change.type === 'add') commentable.add(change.ln);
        if (change.type === 'normal') commentable.add(change.ln2);
      }
      if (chunk.newLines > 0) hunks.push([chunk.newStart, chunk.newStart + chunk.newLines - 1]);
    }
    files.set(file.to, { added, commentable, hunks });
  }
  return files;
}

/** Whether lines `from..to` all lie in one hunk of `file`. */
export function inOneHunk(file: ChangedFile, from: number, to: number): boolean {
  return file.hunks.some(([start, end]) => start <= from && to <= end);
}
