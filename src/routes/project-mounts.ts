/**
 * The project mount index: every module of a project read once for mounts (`app.use('/api',
 * usersRouter)` in another file, `app.register(plugin, { prefix })`, `setGlobalPrefix`), so a
 * route's full path can be resolved across files. Cached per process and project root; at most
 * once per second the file list and each file's mtime and size are re-checked, and only changed
 * files are parsed again, so ESLint in an editor stays fast and still sees edits.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/utils';
import { discoverFiles } from '../cli/files.js';
import type { ModuleFacts, MountEdge, NestPrefixCall } from './facts.js';
import { moduleFacts } from './module-facts/module-facts.js';
import { resolveSpecifier } from './resolve-specifier.js';

/** A mount found in `file` (absolute path). */
export interface LocatedMount {
  readonly file: string;
  readonly edge: MountEdge;
}

/** A Nest bootstrap call and the file it is in. */
export interface LocatedNestCall {
  readonly file: string;
  readonly call: NestPrefixCall;
}

/** The cross-file view of a project's mounts. Paths are absolute. */
export interface MountIndex {
  readonly root: string;
  /** The facts of a project file (parsed on first use), `undefined` when it is not a project source file or does not parse. */
  factsOf(file: string): ModuleFacts | undefined;
  /** Mounts in other modules of the export `name` of `file` (`param`: the function parameter that receives the parent). */
  mountsOf(file: string, name: string, param: number | undefined): readonly LocatedMount[];
  /** The file a relative specifier in `fromFile` refers to. */
  resolve(fromFile: string, specifier: string): string | undefined;
  /** Every `setGlobalPrefix()` call of the project. */
  readonly globalPrefixes: readonly LocatedNestCall[];
  /** Every `enableVersioning()` with URI versioning. */
  readonly uriVersioning: readonly { readonly file: string; readonly line: number }[];
}

interface Parsed {
  readonly stamp: string;
  readonly facts: ModuleFacts | undefined;
}

interface Entry {
  checkedAt: number;
  stamps: Map<string, string>;
  parsed: Map<string, Parsed>;
  index: MountIndex;
}

const cache = new Map<string, Entry>();
/** Files that may mount something: cheap text test before parsing. */
const MAY_MOUNT = /\.(?:use|register|route|setGlobalPrefix|enableVersioning)\s*\(|['"](?:express|fastify|koa|@koa\/router|koa-router|hono)['"]/;
const RECHECK_MS = 1000;

function stampOf(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}:${stats.size}` : undefined;
}

function parseFacts(file: string): ModuleFacts | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const ast: TSESTree.Program = parse(text, { range: true, loc: true, jsx: /\.[cm]?[jt]sx$/.test(file) || file.endsWith('.js') });
    return moduleFacts(ast);
  } catch {
    // A file that does not parse mounts nothing we can read; `fleet scan` reports parse errors.
    return undefined;
  }
}

function build(root: string, stamps: Map<string, string>, previous: Map<string, Parsed>): { index: MountIndex; parsed: Map<string, Parsed> } {
  const files = new Set(stamps.keys());
  const parsed = new Map<string, Parsed>();
  const factsOf = (file: string): ModuleFacts | undefined => {
    const stamp = stamps.get(file);
    if (stamp === undefined) return undefined;
    let entry = parsed.get(file);
    if (!entry) {
      const old = previous.get(file);
      entry = old?.stamp === stamp ? old : { stamp, facts: parseFacts(file) };
      parsed.set(file, entry);
    }
    return entry.facts;
  };
  const resolve = (fromFile: string, specifier: string): string | undefined => resolveSpecifier(fromFile, specifier, files);
  // Follows `export { x } from` and `export * from` to the module that defines the export.
  const origin = (file: string, name: string, depth = 0): { file: string; name: string } | undefined => {
    const facts = factsOf(file);
    if (!facts || depth > 6) return undefined;
    if (facts.exports.has(name)) return { file, name };
    const re = facts.reexports.get(name);
    if (re) {
      const target = resolve(file, re.specifier);
      return target === undefined ? undefined : origin(target, re.name, depth + 1);
    }
    for (const specifier of name === 'default' ? [] : facts.starExports) {
      const target = resolve(file, specifier);
      const found = target === undefined ? undefined : origin(target, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  const byChild = new Map<string, LocatedMount[]>();
  const globalPrefixes: LocatedNestCall[] = [];
  const uriVersioning: { file: string; line: number }[] = [];
  for (const file of files) {
    const known = previous.get(file);
    const reuse = known !== undefined && known.stamp === stamps.get(file);
    const mayMount = reuse ? known.facts !== undefined && known.facts.mounts.length + known.facts.globalPrefixes.length + known.facts.uriVersioning.length > 0 : MAY_MOUNT.test(readText(file));
    if (!mayMount) continue;
    const facts = factsOf(file);
    if (!facts) continue;
    for (const call of facts.globalPrefixes) globalPrefixes.push({ file, call });
    for (const line of facts.uriVersioning) uriVersioning.push({ file, line });
    for (const edge of facts.mounts) {
      if (edge.child.kind !== 'import') continue;
      const target = resolve(file, edge.child.specifier);
      const found = target === undefined ? undefined : origin(target, edge.child.name);
      if (!found) continue;
      const key = childKey(found.file, found.name, edge.child.param);
      const list = byChild.get(key) ?? [];
      list.push({ file, edge });
      byChild.set(key, list);
    }
  }
  const index: MountIndex = {
    root,
    factsOf,
    mountsOf: (file, name, param) => byChild.get(childKey(file, name, param)) ?? [],
    resolve,
    globalPrefixes,
    uriVersioning,
  };
  return { index, parsed };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function childKey(file: string, name: string, param: number | undefined): string {
  return `${file}\0${name}\0${param ?? ''}`;
}

function currentStamps(root: string): Map<string, string> {
  const stamps = new Map<string, string>();
  for (const file of discoverFiles(root).files) {
    const stamp = stampOf(file);
    if (stamp !== undefined) stamps.set(file, stamp);
  }
  return stamps;
}

function sameStamps(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [file, stamp] of a) if (b.get(file) !== stamp) return false;
  return true;
}

/**
 * The mount index of the project at `projectRoot` (a directory; resolved to an absolute path).
 * Built on first use (files found as `fleet scan` finds them, honouring `.gitignore`); later calls
 * return the cached index, re-checking file stamps at most once per second.
 */
export function projectMounts(projectRoot: string): MountIndex {
  const root = path.resolve(projectRoot);
  const now = Date.now();
  const entry = cache.get(root);
  if (entry && now - entry.checkedAt < RECHECK_MS) return entry.index;
  const stamps = currentStamps(root);
  if (entry && sameStamps(entry.stamps, stamps)) {
    entry.checkedAt = now;
    return entry.index;
  }
  const { index, parsed } = build(root, stamps, entry?.parsed ?? new Map<string, Parsed>());
  cache.set(root, { checkedAt: now, stamps, parsed, index });
  return index;
}

/** Forgets every cached project index (for tests, or after writing files in the same second). */
export function clearProjectMountsCache(): void {
  cache.clear();
}
