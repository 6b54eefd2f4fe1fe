/**
 * "Which exports of this module do other modules register as handlers?", answered from the
 * modules that import it (the project's import graph, `projectMounts`). Each importer is parsed
 * once per file version, with cross-module lookups off (so the question never recurses up the
 * import graph), and only when its text may register anything and its uses of the asking
 * module's imports may reach a registration (`registration-candidates.ts`, read from the shared
 * TypeScript parse of the importer, so most importers are never converted to ESTree). Re-exports are followed from the
 * registering module's import to the module that defines the value (`export { x } from`,
 * `export * from`, `module.exports = { x: require('./x') }`, up to three hops), so a registration
 * through a folder's `index` module counts too (other re-exporting modules are not searched).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import { parse } from '@typescript-eslint/typescript-estree';
import { FileVersionCache } from '../modules/file-version-cache.js';
import { moduleSummaryOf } from '../modules/module-summary-cache.js';
import { projectMounts } from '../routes/project-mounts.js';
import type { RouteEntry } from '../routes/inventory.js';
import { routesOfFile } from '../routes/inventory.js';
import { inventoryLabel } from '../routes/route-label.js';
import type { ValueSummary } from '../modules/types.js';
import type { FleetSettings } from '../settings.js';
import type { ImportRegistration } from './import-registrations.js';
import { importRegistrations } from './import-registrations.js';
import { mayCallHelper } from './detectors/registration-helpers.js';
import { registrationCandidates } from './registration-candidates.js';
import { mayRegisterByRegistry } from '../frameworks/index.js';
import type { HandlerModelInput } from './model.js';
import type { HandlerModel } from './types.js';
import { traverseSettingParents } from '../ast/walk.js';

/**
 * False when no detector can record a registration of an imported value in `file` with this text:
 * only framework detectors do (the registry decides, `mayRegisterByRegistry`), a
 * `settings.fleet.handlers` wrapper, or a registration helper.
 */
export function mayRegister(file: string, text: string, settings: FleetSettings): boolean {
  if (settings.handlers.length > 0) return true;
  return mayRegisterByRegistry(file, text, (source) => mayCallHelper(source, settings.heuristics));
}

const MAX_REEXPORT_HOPS = 3;
const MAX_INDEX_HOPS = 3;
const INDEX_MODULE = /^index\.[cm]?[jt]sx?$/;

const caches = new Map<string, FileVersionCache<readonly ImportRegistration[]>>();
/** Per project root: the modules each importer may register imports of (`undefined`: any). */
const candidateCaches = new Map<string, FileVersionCache<ReadonlySet<string> | undefined>>();

function candidatesIn(importer: string, root: string, settings: FleetSettings): ReadonlySet<string> | undefined {
  let cache = candidateCaches.get(root);
  if (!cache) {
    cache = new FileVersionCache<ReadonlySet<string> | undefined>((source) => {
      if (!mayRegister(source.file, source.text, settings)) return new Set();
      // Declared handlers and registration helpers register through calls the pre-check does not
      // model (`setupApiRoute(router, 'get', '/x', controllers.x)`): every import may be registered.
      if (settings.handlers.length > 0 || mayCallHelper(source.text, settings.heuristics)) return undefined;
      return registrationCandidates(source.parse(), (specifier) => projectMounts(root).resolve(source.file, specifier));
    }, undefined);
    candidateCaches.set(root, cache);
  }
  return cache.get(importer);
}

/** Builds a module's handler model (`getHandlerModel`, passed in so this module does not import the model). */
export type ModelBuilder = (input: HandlerModelInput) => HandlerModel;

function cacheFor(root: string, settings: FleetSettings, modelOf: ModelBuilder): FileVersionCache<readonly ImportRegistration[]> {
  let cache = caches.get(root);
  if (!cache) {
    cache = new FileVersionCache(({ file: importer, text }) => {
      if (!mayRegister(importer, text, settings)) return [];
      const ast = parse(text, { filePath: importer, range: true, loc: true, jsx: /x$/.test(importer), comment: false, tokens: false });
      traverseSettingParents(ast);
      const scopeManager = analyze(ast, { sourceType: 'module' });
      return registrationsOf(importer, root, modelOf({ ast, scopeManager, filename: importer, settings, text, pathRoot: root }));
    }, []);
    caches.set(root, cache);
  }
  return cache;
}

function registrationsOf(importer: string, root: string, model: HandlerModel): readonly ImportRegistration[] {
  const label = path.relative(root, importer).split(path.sep).join('/');
  // The registering module's inventory gives the route's full path, as `fleet routes` lists it.
  let entries: readonly RouteEntry[] | undefined;
  const routeLabelOf = (registration: TSESTree.Node): string | undefined =>
    inventoryLabel(
      (entries ??= routesOfFile({ model, filename: importer, projectRoot: root })).filter((entry) => entry.registration === registration),
    );
  return importRegistrations(importer, label, model, (from, specifier) => projectMounts(root).resolve(from, specifier), routeLabelOf);
}

/**
 * The registrations of imported values in `file`, for the project at `root` (cached per file
 * version), or none when `file` cannot register an import of any module `wanted` accepts (then
 * it is not parsed).
 */
function registrationsIn(
  file: string,
  root: string,
  settings: FleetSettings,
  modelOf: ModelBuilder,
  wanted: (module: string) => boolean,
): readonly ImportRegistration[] {
  const cache = cacheFor(root, settings, modelOf);
  // Remembered from the host's parse (`rememberRegistrations`): no pre-check needed.
  const known = cache.peek(file);
  if (known) return known.value;
  const candidates = candidatesIn(file, root, settings);
  if (candidates !== undefined && ![...candidates].some(wanted)) return [];
  return cache.get(file);
}

/**
 * Records the registrations of the module at `file` (absolute) from the model the host's parse
 * gave (`model`, of `text`), so that a module it imports, linted later, does not parse it again.
 * Only when `text` is the file's content on disk (an editor's unsaved buffer is not), the
 * module may register anything, and it is a TypeScript or `.jsx` file (parsed alike by both);
 * the registrations are those a parse of the file would give
 * (the model's cross-module handlers add no registration: they have no route of their own).
 */
export function rememberRegistrations(
  file: string,
  text: string,
  model: HandlerModel,
  root: string,
  settings: FleetSettings,
  modelOf: ModelBuilder,
): void {
  // The parse above reads JSX only in `.jsx`/`.tsx` files; a host may parse JSX in `.js` too, and
  // would then find registrations where the parse finds none, so those files are left to it.
  if (!mayRegister(file, text, settings) || !/\.(?:[cm]?ts|[jt]sx)$/.test(file)) return;
  const cache = cacheFor(root, settings, modelOf);
  if (cache.has(file)) return;
  let disk: string;
  try {
    disk = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  if (disk !== text) return;
  cache.set(file, registrationsOf(file, root, model));
}

interface ExportPath {
  readonly file: string;
  readonly name: string;
  readonly members: readonly string[];
}

/**
 * One step towards the module that defines an imported value: through `export { x } from`,
 * `export * from`, and objects whose members are whole modules (`module.exports = { authors:
 * require('./authors') }`). `undefined` when `at` already names a value of its own module.
 */
function reexportStep(at: ExportPath): ExportPath | undefined {
  const summary = moduleSummaryOf(at.file);
  if (!summary) return undefined;
  // A whole module (`require('./m')`, a namespace) is read through its first member, else as `module.exports`.
  const starts: ExportPath[] =
    at.name === '*'
      ? [...(at.members[0] === undefined ? [] : [{ ...at, name: at.members[0], members: at.members.slice(1) }]), { ...at, name: 'default' }]
      : [at];
  for (const start of starts) {
    let value: ValueSummary | undefined = summary.exports.get(start.name);
    if (value === undefined) {
      if (start.name === 'default') continue;
      const star = summary.starFrom.find((candidate) => moduleSummaryOf(candidate)?.exports.has(start.name));
      if (star !== undefined) return { ...start, file: star };
      continue;
    }
    for (const [index, member] of [...start.members, undefined].entries()) {
      if (value.kind === 'reexport') return { file: value.file, name: value.name, members: start.members.slice(index) };
      if (member === undefined || value.kind !== 'object') return undefined;
      const next: ValueSummary | undefined = value.members.get(member);
      if (next === undefined) return undefined;
      value = next;
    }
  }
  return undefined;
}

/** The module and export a registration's import names, after re-exports (at most {@link MAX_REEXPORT_HOPS}). */
function origin(registration: ImportRegistration): ExportPath {
  let at: ExportPath = registration;
  for (let hop = 0; hop < MAX_REEXPORT_HOPS; hop++) {
    const next = reexportStep(at);
    if (!next) break;
    at = next;
  }
  return at;
}

/** True when the module at `importer` re-exports something of `file` (see `reexportStep`). */
function reexportsFrom(importer: string, file: string): boolean {
  const summary = moduleSummaryOf(importer);
  if (!summary) return false;
  const names = (value: ValueSummary): boolean =>
    (value.kind === 'reexport' && value.file === file) || (value.kind === 'object' && [...value.members.values()].some(names));
  return summary.starFrom.includes(file) || [...summary.exports.values()].some(names);
}

/**
 * Every registration, in another module of the project at `root` (absolute), of an export of
 * the module at `file` (absolute), with `file`, `name` and `members` naming the export in that
 * module. Test files register nothing.
 */
export function exportRegistrations(file: string, root: string, settings: FleetSettings, modelOf: ModelBuilder): ImportRegistration[] {
  const index = projectMounts(root);
  const found: ImportRegistration[] = [];
  const importers = new Set(index.importersOf(file));
  // Re-exporting modules: a folder's `index` module (`controllers/index.js`), and the index of the
  // folder above it (`controllers/index.js` → `controllers/write/index.js` → `users.js`), up to
  // {@link MAX_INDEX_HOPS}. Following every importer's importers would stat and summarise most of
  // the project for every module; only an index that something registers from, or that another
  // index re-exports, is summarised.
  const climb = (module: string, indexes: readonly string[], hop: number): void => {
    for (const importer of indexes) {
      if (!INDEX_MODULE.test(path.basename(importer)) || importer === file) continue;
      const candidates = index.importersOf(importer).filter((candidate) => candidate !== file && candidate !== importer);
      const registering = candidates.filter((candidate) =>
        registrationsIn(candidate, root, settings, modelOf, (module) => module === importer).some(
          (registration) => registration.file === importer,
        ),
      );
      const upper = hop + 1 < MAX_INDEX_HOPS ? candidates.filter((candidate) => INDEX_MODULE.test(path.basename(candidate))) : [];
      if ((registering.length === 0 && upper.length === 0) || !reexportsFrom(importer, module)) continue;
      importers.add(importer);
      for (const other of registering) importers.add(other);
      climb(importer, upper, hop + 1);
    }
  };
  climb(file, [...importers], 0);
  importers.delete(file);
  const wanted = (module: string): boolean => module === file || importers.has(module);
  for (const importer of importers) {
    for (const registration of registrationsIn(importer, root, settings, modelOf, wanted)) {
      if (registration.file !== file && !importers.has(registration.file)) continue;
      const target = origin(registration);
      if (target.file === file) found.push({ ...registration, ...target });
    }
  }
  return found;
}

/** Forgets every cached importer (tests). */
export function clearExportRegistrations(): void {
  caches.clear();
  candidateCaches.clear();
}
