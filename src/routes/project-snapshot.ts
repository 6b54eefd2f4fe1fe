/**
 * What the mount index knows about a project's files on disk: the source files (found as `fleet
 * scan` finds them) with their mtime and size, and every directory with its mtime. Refreshing
 * stats those paths instead of walking the tree again: adding, removing or renaming a file
 * changes its directory's mtime, so the walk is repeated only when a directory (or a
 * `.gitignore`, whose edits change no directory) changed.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { discoverFiles, SKIPPED_DIRECTORIES } from '../cli/files.js';

/** A project's source files and directories, with their stamps. Paths are absolute. */
export interface ProjectSnapshot {
  readonly root: string;
  /** Source files in discovery order (sorted by path). */
  readonly files: readonly string[];
  /** `mtime:size` of each file. */
  readonly stamps: ReadonlyMap<string, string>;
  /** Directory → `mtime` plus its `.gitignore` stamp. */
  readonly dirs: ReadonlyMap<string, string>;
}

/** `mtime:size` of a file, `undefined` when it is gone. */
export function fileStamp(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}:${stats.size}` : undefined;
}

function dirStamp(dir: string): string | undefined {
  const stats = statSync(dir, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}|${fileStamp(path.join(dir, '.gitignore')) ?? '-'}` : undefined;
}

/**
 * Every directory under `root` that discovery could enter. Git-ignored directories are kept (a
 * superset costs a few stats; missing one would miss the files created in it).
 */
function directories(root: string): Map<string, string> {
  const dirs = new Map<string, string>();
  const walk = (dir: string): void => {
    const stamp = dirStamp(dir);
    if (stamp === undefined) return;
    dirs.set(dir, stamp);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(dir, entry.name));
  };
  walk(root);
  return dirs;
}

/**
 * The modification time and size of each file of a snapshot, in `files` order, as numbers: a
 * refresh compares these, so checking an unchanged project of thousands of files every second
 * builds no string.
 */
const versions = new WeakMap<ProjectSnapshot, Float64Array>();

/** Walks `root` (absolute) and stamps everything. */
export function takeSnapshot(root: string): ProjectSnapshot {
  // Directories first: a file created during the walk then shows up as a changed directory.
  const dirs = directories(root);
  const stamps = new Map<string, string>();
  const files: string[] = [];
  const numbers: number[] = [];
  for (const file of discoverFiles(root).files) {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats === undefined) continue;
    stamps.set(file, `${stats.mtimeMs}:${stats.size}`);
    files.push(file);
    numbers.push(stats.mtimeMs, stats.size);
  }
  const snapshot = { root, files, stamps, dirs };
  versions.set(snapshot, Float64Array.from(numbers));
  return snapshot;
}

/** `previous` itself when nothing changed on disk, else a snapshot of the current state. */
export function refreshSnapshot(previous: ProjectSnapshot): ProjectSnapshot {
  for (const [dir, stamp] of previous.dirs) if (dirStamp(dir) !== stamp) return takeSnapshot(previous.root);
  // Every snapshot comes from `takeSnapshot` or from here, both of which record its versions.
  const known = versions.get(previous);
  if (known === undefined) return takeSnapshot(previous.root);
  let stamps: Map<string, string> | undefined;
  let changed: Float64Array | undefined;
  for (let index = 0; index < previous.files.length; index++) {
    const stats = statSync(previous.files[index]!, { throwIfNoEntry: false });
    if (stats === undefined) return takeSnapshot(previous.root);
    if (known[2 * index] === stats.mtimeMs && known[2 * index + 1] === stats.size) continue;
    stamps ??= new Map(previous.stamps);
    stamps.set(previous.files[index]!, `${stats.mtimeMs}:${stats.size}`);
    changed ??= Float64Array.from(known);
    changed[2 * index] = stats.mtimeMs;
    changed[2 * index + 1] = stats.size;
  }
  if (!stamps || !changed) return previous;
  const next = { ...previous, stamps };
  versions.set(next, changed);
  return next;
}
