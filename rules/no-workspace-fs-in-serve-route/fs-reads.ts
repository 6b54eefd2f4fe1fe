/**
 * The one list of what reads the local disk, shared by the sinks of the linted module
 * (`fs-sinks.ts`, on ESLint's tree) and the summaries of the project's fs wrappers
 * (`wrapper-summary.ts`, on TypeScript's tree of an imported module).
 */

const FS_MODULES = ['fs', 'fs/promises', 'fs-extra', 'fs-extra/esm', 'graceful-fs', 'original-fs'];

/**
 * `fs` modules (specifier without `node:`), including a copy of `fs-extra` vendored into the
 * project (`require('../libs/fsExtra')`): the last path segment names it.
 */
export function isFsModule(module: string): boolean {
  if (FS_MODULES.includes(module)) return true;
  const last = vendoredName(module);
  return last === 'fsextra' || last === 'gracefulfs';
}

/**
 * Packages that read or list the disk under a directory: glob libraries (a pattern, an options
 * object with `cwd`) and find-up (file names searched upwards from an options object's `cwd`).
 * Module → the calls that read (`''`: the module itself called, `fg(…)`, v5 `findUp(…)`).
 */
const READ_PACKAGES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    glob: ['', 'glob', 'globSync', 'globStream', 'globStreamSync', 'globIterate', 'globIterateSync', 'sync'],
    'fast-glob': ['', 'glob', 'globSync', 'sync', 'async', 'stream', 'globStream'],
    globby: ['', 'globby', 'globbySync', 'globbyStream', 'sync', 'async', 'stream'],
    tinyglobby: ['', 'glob', 'globSync'],
    'find-up': ['', 'findUp', 'findUpSync', 'findUpMultiple', 'findUpMultipleSync', 'sync'],
    'find-up-simple': ['findUp', 'findUpSync'],
    'package-up': ['packageUp', 'packageUpSync'],
    'pkg-up': ['', 'pkgUp', 'pkgUpSync', 'sync'],
  }).map(([module, calls]) => [module, new Set(calls)]),
);

/** True for a package of {@link READ_PACKAGES}. */
export function isReadPackage(module: string): boolean {
  return READ_PACKAGES.has(module);
}

/**
 * True when the export `path` (after the import: `[]` for the module itself, `['sync']` for
 * `fg.sync`) of the read package `module` reads the disk.
 */
export function readsInPackage(module: string, path: readonly string[]): boolean {
  const calls = READ_PACKAGES.get(module);
  if (!calls || path.length > 1) return false;
  return calls.has(path[0] ?? '') || (path[0] === 'default' && calls.has(''));
}

/**
 * Static-file middleware: a factory that serves every file under its first argument per request
 * (`express.static(dir)`, `serve-static`, `koa-static`). Module → the export path that is the
 * factory (`['static']` for `express.static`, `[]` for the module itself).
 */
const STATIC_SERVERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['express', ['static']],
  ['serve-static', []],
  ['koa-static', []],
  ['@koa/static', []],
]);

/** True when the export `path` of `module` is a static-file middleware factory (see {@link STATIC_SERVERS}). */
export function isStaticServer(module: string, path: readonly string[]): boolean {
  const expected = STATIC_SERVERS.get(module);
  return expected !== undefined && expected.length === path.length && expected.every((segment, index) => segment === path[index]);
}

/** The modules of {@link STATIC_SERVERS}. */
export const STATIC_SERVER_MODULES: readonly string[] = [...STATIC_SERVERS.keys()];

/** `archiver`, or a copy vendored into the project (`require('../libs/archiver')`). */
export function isArchiverModule(module: string): boolean {
  return module === 'archiver' || vendoredName(module) === 'archiver';
}

/** The last segment of a relative specifier, letters only, lower case (`../libs/fsExtra.js` → `fsextra`). */
function vendoredName(module: string): string | undefined {
  if (!module.startsWith('.')) return undefined;
  return module
    .split('/')
    .pop()!
    .replace(/\.[cm]?js$/, '')
    .replace(/[^a-z]/gi, '')
    .toLowerCase();
}

/** Text a module that may hold a read names (a cheap test before parsing an imported module). */
export const FS_TEXT =
  /['"](?:node:)?(?:fs|fs\/promises|fs-extra(?:\/esm)?|graceful-fs|original-fs|archiver)['"]|\/(?:fs-?extra|graceful-?fs|archiver)(?:\.[cm]?js)?['"]/i;

/** Reads, listings and watchers of an fs module (writes are out of scope: they are a different hazard). */
export const FS_READS: ReadonlySet<string> = new Set([
  'readFile',
  'readFileSync',
  'readdir',
  'readdirSync',
  'stat',
  'statSync',
  'lstat',
  'lstatSync',
  'access',
  'accessSync',
  'exists',
  'existsSync',
  'opendir',
  'opendirSync',
  'realpath',
  'realpathSync',
  'createReadStream',
  'watch',
  'watchFile',
  'open',
  'openSync',
  'openAsBlob',
  'readlink',
  'readlinkSync',
  // A copy reads its source (the first argument): `fs.cpSync(Database.sqlitePath, backup)`.
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  // fs-extra
  'copy',
  'copySync',
  'readJson',
  'readJSON',
  'readJsonSync',
  'readJSONSync',
  'pathExists',
  'pathExistsSync',
]);

/**
 * Methods of an `archiver(...)` instance that read the disk when the archive is written:
 * `archive.directory(dir)` (a whole directory), `archive.file(path)`, `archive.glob(pattern)`.
 */
export const ARCHIVER_READS: ReadonlySet<string> = new Set(['directory', 'file', 'glob']);
