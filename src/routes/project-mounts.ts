/**
 * The project mount index: mounts of one module by another (`app.use('/api', usersRouter)` in
 * another file, `app.register(plugin, { prefix })`, `setGlobalPrefix`), so a route's full path
 * can be resolved across files. Cached per process and project root. Building it reads the
 * file texts for the import graph and parses nothing; files are parsed when a question needs
 * them (see `mount-index.ts`). At most once per second the files and directories are stat'ed
 * again (no re-walk unless a directory changed), and only changed files are read or parsed again,
 * so ESLint in an editor stays fast and still sees edits.
 */
import path from 'node:path';
import { buildImportGraph, clearImportScans } from './import-graph.js';
import type { MountIndex } from './mount-index.js';
import { createMountIndex } from './mount-index.js';
import { clearParsedFacts } from './parsed-facts.js';
import type { ProjectSnapshot } from './project-snapshot.js';
import { refreshSnapshot, takeSnapshot } from './project-snapshot.js';
import { workspacePackages } from './workspace-packages.js';

export type { LocatedAppCall, LocatedMount, MountIndex } from './mount-index.js';

interface Entry {
  checkedAt: number;
  readonly snapshot: ProjectSnapshot;
  readonly index: MountIndex;
}

const cache = new Map<string, Entry>();
const RECHECK_MS = 1000;

/**
 * The mount index of the project at `projectRoot` (a directory; resolved to an absolute path).
 * Built on first use (files found as `fleet scan` finds them, honouring `.gitignore`); later calls
 * return the cached index, re-checking file and directory stamps at most once per second.
 */
export function projectMounts(projectRoot: string): MountIndex {
  const root = path.resolve(projectRoot);
  const entry = cache.get(root);
  if (entry && Date.now() - entry.checkedAt < RECHECK_MS) return entry.index;
  const snapshot = entry ? refreshSnapshot(entry.snapshot) : takeSnapshot(root);
  if (entry && snapshot === entry.snapshot) {
    entry.checkedAt = Date.now();
    return entry.index;
  }
  const workspace = workspacePackages(snapshot.dirs.keys(), new Set(snapshot.files));
  const index = createMountIndex(snapshot, buildImportGraph(snapshot, workspace.packages), workspace);
  // Stamped after the work, so a slow build does not make the next call re-check at once.
  cache.set(root, { checkedAt: Date.now(), snapshot, index });
  return index;
}

/** The file list and stamps the current index of `projectRoot` was built from (builds it if needed). */
export function projectSnapshot(projectRoot: string): ProjectSnapshot {
  projectMounts(projectRoot);
  return cache.get(path.resolve(projectRoot))!.snapshot;
}

/** Forgets every cached project index and parsed file (for tests, or after writing files in the same second). */
export function clearProjectMountsCache(): void {
  cache.clear();
  clearImportScans();
  clearParsedFacts();
}
