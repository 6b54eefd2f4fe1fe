/**
 * The two specifier maps of `package.json` that Node and bundlers honour: `imports` (subpath
 * imports, `import { cloudcmd } from '#server/cloudcmd'`, resolved from the nearest
 * `package.json` of the importing file) and `exports` (what `@acme/auth/server` means in a
 * workspace package). Read as data (`JSON.parse`), cached per folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Conditions a source reader accepts, in the order a target object is read (the object's own key
 * order decides, as in Node); `types` is left out: a declaration file is not the module's source.
 */
const CONDITIONS = new Set(['source', 'development', 'node', 'import', 'module', 'require', 'default']);

const packageJsonOf = new Map<string, { readonly dir: string; readonly json: Record<string, unknown> } | null>();

function readPackageJson(dir: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // No package.json here (or not JSON): look further up.
    return undefined;
  }
}

/** The nearest `package.json` at or above `dir` (absolute), with its folder. */
function nearestPackageJson(dir: string): { readonly dir: string; readonly json: Record<string, unknown> } | undefined {
  const cached = packageJsonOf.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  const json = readPackageJson(dir);
  const parent = path.dirname(dir);
  const found = json ? { dir, json } : parent === dir ? undefined : nearestPackageJson(parent);
  packageJsonOf.set(dir, found ?? null);
  return found;
}

/** The relative target paths (`./server/x.js`) a map value gives, conditions read in key order. */
function targetsOf(value: unknown, depth = 0): string[] {
  if (depth > 4) return [];
  if (typeof value === 'string') return value.startsWith('./') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => targetsOf(item, depth + 1));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([condition]) => CONDITIONS.has(condition))
    .flatMap(([, target]) => targetsOf(target, depth + 1));
}

/**
 * The targets `map` gives `key` (`#server/cloudcmd`, `./server`): an exact key, else the pattern
 * key (`#server/*`, `./*`) with the longest prefix, `*` replaced in the target, else a legacy
 * folder key ending in `/`. Targets are absolute (joined to `dir`).
 */
function mapTargets(map: Readonly<Record<string, unknown>>, key: string, dir: string): string[] {
  const join = (targets: readonly string[]): string[] => targets.map((target) => path.join(dir, target));
  if (Object.hasOwn(map, key) && !key.includes('*')) return join(targetsOf(map[key]));
  let best: { prefix: string; suffix: string; value: unknown } | undefined;
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star < 0 || pattern.indexOf('*', star + 1) >= 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (key.length < prefix.length + suffix.length || !key.startsWith(prefix) || !key.endsWith(suffix)) continue;
    if (!best || prefix.length > best.prefix.length) best = { prefix, suffix, value };
  }
  if (best) {
    const matched = key.slice(best.prefix.length, key.length - best.suffix.length);
    return join(targetsOf(best.value).map((target) => target.split('*').join(matched)));
  }
  const folder = Object.keys(map)
    .filter((pattern) => pattern.endsWith('/') && key.startsWith(pattern))
    .sort((a, b) => b.length - a.length)[0];
  return folder === undefined ? [] : join(targetsOf(map[folder]).map((target) => target + key.slice(folder.length)));
}

/** The absolute paths a subpath import (`#server/cloudcmd`) of `fromFile` (absolute) maps to. */
export function subpathImportTargets(fromFile: string, specifier: string): string[] {
  if (!specifier.startsWith('#')) return [];
  const found = nearestPackageJson(path.dirname(fromFile));
  const imports = found?.json.imports;
  if (!found || imports === null || typeof imports !== 'object' || Array.isArray(imports)) return [];
  return mapTargets(imports as Record<string, unknown>, specifier, found.dir);
}

/**
 * The absolute paths the `exports` map of the package in `dir` gives subpath `subpath` (`''` for
 * the package itself, `server` for `@acme/auth/server`); `[]` when it has no such map.
 */
export function packageExportTargets(dir: string, exportsField: unknown, subpath: string): string[] {
  if (exportsField === undefined || exportsField === null) return [];
  const key = subpath === '' ? '.' : `./${subpath}`;
  const isSubpathMap =
    typeof exportsField === 'object' && !Array.isArray(exportsField) && Object.keys(exportsField).some((k) => k.startsWith('.'));
  if (!isSubpathMap) return key === '.' ? targetsOf(exportsField).map((target) => path.join(dir, target)) : [];
  return mapTargets(exportsField as Record<string, unknown>, key, dir);
}

/** Forgets every `package.json` read (tests, and editors after a change). */
export function clearPackageMaps(): void {
  packageJsonOf.clear();
}
