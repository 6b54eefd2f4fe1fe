/**
 * The one module resolver of the project-reading layer: the route inventory, the mount index, the
 * import graph and the rules' import following all resolve specifiers here, the way TypeScript
 * and bundlers do for source files.
 */
import { fileSystemMemo, isRegularFile, statOf } from './file-stats.js';
import path from 'node:path';
import { aliasTargets } from './path-aliases.js';
import { packageExportTargets, subpathImportTargets } from './package-maps.js';

/** Extensions tried, in order, for an extensionless specifier and for `index.*`. */
export const MODULE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

// TypeScript's ESM style: `import './x.js'` is written against the emitted file, the source is `x.ts`.
const SOURCE_FOR_EMITTED: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** A package of the project: its folder and its `main` entry (absolute, `undefined` when unset). */
export interface WorkspacePackage {
  readonly dir: string;
  readonly main: string | undefined;
  /** The package's `exports` field as written (a string, a subpath map or a conditions object). */
  readonly exports?: unknown;
}

/** What the resolver may use beyond the file system. */
export interface ResolveScope {
  /** The project's files (absolute); default: any file on disk. */
  readonly files?: ReadonlySet<string> | undefined;
  /** Workspace packages by name (`@acme/auth`); default: none. */
  readonly packages?: ReadonlyMap<string, WorkspacePackage> | undefined;
}

/** True for `./x`, `../y/z`, `.` and `..`. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** `@acme/auth/server` → the package `@acme/auth` and the subpath `server`. */
function packageOf(
  specifier: string,
  packages: ReadonlyMap<string, WorkspacePackage>,
): { pkg: WorkspacePackage; subpath: string } | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const pkg = packages.get(parts.slice(0, nameLength).join('/'));
  return pkg && { pkg, subpath: parts.slice(nameLength).join('/') };
}

/**
 * The absolute path of the project file `specifier` names from `fromFile` (absolute), else
 * `undefined` (npm packages, `node:` modules, text linted without a file, no such file):
 * - relative (`./routes/users.js`) or absolute: the exact file, its `.ts` source for a `.js`
 *   specifier, the specifier plus one of {@link MODULE_EXTENSIONS}, then `index.*` in that folder;
 * - a subpath import (`#server/cloudcmd`) of the nearest `package.json`'s `imports` map;
 * - a `compilerOptions.paths` alias of the nearest `tsconfig.json` (`@/lib/mailer`, `baseUrl` honoured);
 * - a workspace package of `scope.packages` (`@acme/auth`, `@acme/auth/server`): what its
 *   `exports` map gives, else its `main`, else `index` or `src/index`; a subpath in the package
 *   folder or its `src`. A target in a build folder with no file yet falls through to the next form.
 */
export function resolveModule(fromFile: string, specifier: string, scope: ResolveScope = {}): string | undefined {
  if (!path.isAbsolute(fromFile) || specifier.startsWith('node:')) return undefined;
  if (scope.files !== undefined || scope.packages !== undefined) return resolveIn(fromFile, specifier, scope);
  // On disk alone: the same module is resolved again and again while one file is analysed.
  return remembered(resolvedOnDisk, fromFile, specifier, () => resolveIn(fromFile, specifier, scope));
}

/** The answer `memo` holds for `fromFile` and `specifier`, else `resolve()`'s, remembered. */
function remembered(
  memo: Map<string, string | null>,
  fromFile: string,
  specifier: string,
  resolve: () => string | undefined,
): string | undefined {
  const key = `${fromFile}\0${specifier}`;
  const known = memo.get(key);
  if (known !== undefined) return known === null ? undefined : known;
  const file = resolve();
  memo.set(key, file ?? null);
  return file;
}

// `null`: resolves to no project file.
const resolvedOnDisk = fileSystemMemo<string | null>();
// The same, per scope object (`scopedResolver`).
const resolvedInScope = fileSystemMemo<Map<string, string | null>, ResolveScope>();

/**
 * `resolveModule` over one fixed `scope` (a mount index's file list and packages), remembering
 * each answer as long as the stats are remembered (see `fileSystemMemo`): working out one file's
 * route prefixes resolves the same specifiers again and again.
 */
export function scopedResolver(scope: ResolveScope): (fromFile: string, specifier: string) => string | undefined {
  return (fromFile, specifier) => {
    let memo = resolvedInScope.get(scope);
    if (memo === undefined) resolvedInScope.set(scope, (memo = new Map<string, string | null>()));
    return remembered(memo, fromFile, specifier, () => resolveModule(fromFile, specifier, scope));
  };
}

function resolveIn(fromFile: string, specifier: string, scope: ResolveScope): string | undefined {
  const exists = scope.files === undefined ? isRegularFile : (file: string) => scope.files!.has(file);
  if (isRelativeSpecifier(specifier) || specifier.startsWith('/'))
    return sourceFile(path.resolve(path.dirname(fromFile), specifier), exists);
  if (specifier.startsWith('#')) return firstSource(subpathImportTargets(fromFile, specifier), exists);
  for (const target of aliasTargets(fromFile, specifier)) {
    const file = sourceFile(target, exists);
    if (file !== undefined) return file;
  }
  const found = scope.packages && packageOf(specifier, scope.packages);
  if (!found) return undefined;
  const { pkg, subpath } = found;
  const exported = firstSource(packageExportTargets(pkg.dir, pkg.exports, subpath), exists);
  if (exported !== undefined) return exported;
  if (subpath !== '') return sourceFile(path.join(pkg.dir, subpath), exists) ?? sourceFile(path.join(pkg.dir, 'src', subpath), exists);
  const main =
    pkg.main === undefined ? undefined : (sourceFile(pkg.main.replace(/\.[cm]?js$/, ''), exists) ?? sourceFile(pkg.main, exists));
  return main ?? sourceFile(pkg.dir, exists) ?? sourceFile(path.join(pkg.dir, 'src'), exists);
}

function firstSource(targets: readonly string[], exists: (file: string) => boolean): string | undefined {
  for (const target of targets) {
    const file = sourceFile(target, exists);
    if (file !== undefined) return file;
  }
  return undefined;
}

/** The source file for an absolute module path, trying the emitted-name, exact, extension and index forms. */
function sourceFile(base: string, exists: (file: string) => boolean): string | undefined {
  const extension = path.extname(base);
  const emitted = SOURCE_FOR_EMITTED[extension];
  if (emitted) {
    const stem = base.slice(0, -extension.length);
    for (const source of emitted) if (exists(stem + source)) return stem + source;
  }
  if ((MODULE_EXTENSIONS as readonly string[]).includes(extension) && exists(base)) return base;
  for (const ext of MODULE_EXTENSIONS) if (exists(base + ext)) return base + ext;
  // `index.*` only in a folder (on disk: one stat tells; a project file list has no folders).
  if (exists === isRegularFile && statOf(base)?.isDirectory() !== true) return undefined;
  for (const ext of MODULE_EXTENSIONS) {
    const index = path.join(base, `index${ext}`);
    if (exists(index)) return index;
  }
  return undefined;
}
