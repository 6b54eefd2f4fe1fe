/**
 * Who imports whom in a project, read from the text without parsing. The mount index only
 * follows mounts of imported values (`app.use('/api', usersRouter)`), and every such import is
 * a relative string literal in the importing file (`import … from './users.js'`,
 * `require('./users')`, `import('./users')`), or the name of a workspace package in an import
 * (`import { auth } from '@acme/auth/server'`). So the files that can mount a module are among
 * the files holding a relative string that resolves to it (or to a module re-exporting it), and
 * only those need parsing. The text test over-approximates (strings in comments, route paths
 * that happen to resolve); a string with a backslash escape is not decoded but makes its file an
 * importer of every module.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectSnapshot } from './project-snapshot.js';
import { resolveModule } from '../modules/resolve-module.js';
import type { WorkspacePackage } from './workspace-packages.js';
import { appCallMethods } from './module-facts/registry-calls.js';

/** What the text of one file says, for the stamp it was read at. */
interface TextScan {
  readonly stamp: string;
  /** Quoted strings that start with `.` or `/` (candidate relative specifiers). */
  readonly specifiers: readonly string[];
  /** Bare specifiers of `from '…'`, `require('…')` and `import('…')` (candidate workspace packages). */
  readonly bare: readonly string[];
  /** A candidate specifier holds a backslash escape: treat the file as importing everything. */
  readonly opaque: boolean;
  /** The text names a registered app call (the registry's `appCalls`: NestJS bootstrap calls). */
  readonly appCalls: boolean;
}

/** The reverse import graph of a snapshot. */
export interface ImportGraph {
  /** Files that may import `file` (in discovery order), including the opaque ones. */
  importersOf(file: string): readonly string[];
  /** Files whose text names a registered app call (a NestJS global prefix), in discovery order. */
  readonly appCallFiles: readonly string[];
}

const SPECIFIER = /(["'`])([./][^"'`\n]*)\1/g;
// `$lib/x` is SvelteKit's alias; `Components/x` a `paths` alias of any case.
const BARE = /(?:\bfrom|\brequire\(|\bimport\(|^import)\s*(["'])([@~#$\w][^"'\s]*)\1/gm;
// Built on first use: the registry imports detectors that import the route layer back.
let appCallWords: RegExp | undefined;
const scans = new Map<string, TextScan>();

function scanText(file: string, stamp: string): TextScan {
  const known = scans.get(file);
  if (known?.stamp === stamp) return known;
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Unreadable now: it imports nothing; the next stamp change reads it again.
  }
  const specifiers: string[] = [];
  let opaque = false;
  for (const match of text.matchAll(SPECIFIER)) {
    const value = match[2]!;
    if (value.includes('\\')) opaque = true;
    else specifiers.push(value);
  }
  const bare = [...text.matchAll(BARE)].map((match) => match[2]!);
  appCallWords ??= new RegExp(appCallMethods().join('|') || '(?!)');
  const scan = { stamp, specifiers, bare, opaque, appCalls: appCallWords.test(text) };
  scans.set(file, scan);
  return scan;
}

/**
 * Builds the graph; file texts are read once per stamp (cached per process).
 * @param packages the project's workspace packages; default: none.
 */
export function buildImportGraph(snapshot: ProjectSnapshot, packages: ReadonlyMap<string, WorkspacePackage> = new Map()): ImportGraph {
  const files = new Set(snapshot.files);
  const inside = snapshot.root + path.sep;
  const importers = new Map<string, string[]>();
  const opaque: string[] = [];
  const appCallFiles: string[] = [];
  for (const file of snapshot.files) {
    const scan = scanText(file, snapshot.stamps.get(file)!);
    if (scan.opaque) opaque.push(file);
    if (scan.appCalls) appCallFiles.push(file);
    const dir = path.dirname(file);
    const targets = new Set<string>();
    for (const specifier of scan.specifiers) {
      // Route paths (`'/users/:id'`) are the common `/` strings: only one inside the root can name a file.
      if (specifier.startsWith('/') && !path.resolve(dir, specifier).startsWith(inside)) continue;
      const target = resolveModule(file, specifier, { files });
      if (target !== undefined) targets.add(target);
    }
    // Workspace packages and tsconfig `paths` aliases (`@/routes/users`, `~/server/api`).
    for (const specifier of scan.bare) {
      const target = resolveModule(file, specifier, { files, packages });
      if (target !== undefined) targets.add(target);
    }
    for (const target of targets) {
      const list = importers.get(target);
      if (list) list.push(file);
      else importers.set(target, [file]);
    }
  }
  return {
    importersOf(file) {
      const direct = importers.get(file) ?? [];
      return opaque.length === 0 ? direct : [...new Set([...direct, ...opaque])];
    },
    appCallFiles,
  };
}

/** Forgets the cached file texts' scans. */
export function clearImportScans(): void {
  scans.clear();
}
