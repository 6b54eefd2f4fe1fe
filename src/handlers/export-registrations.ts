/**
 * "Which exports of this module do other modules register as handlers?", answered from the
 * modules that import it (the project's import graph, `projectMounts`). Each importer is parsed
 * once per file version, with cross-module lookups off (so the question never recurses up the
 * import graph), and only when its text may register anything. Re-exports are followed from the
 * registering module's import to the module that defines the value (`export { x } from`,
 * `export * from`, up to three hops), so a registration through an `index` module counts too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { FileVersionCache } from '../modules/file-version-cache.js';
import { moduleSummaryOf } from '../modules/module-summary-cache.js';
import { projectMounts } from '../routes/project-mounts.js';
import type { FleetSettings } from '../settings.js';
import type { ImportRegistration } from './import-registrations.js';
import { importRegistrations } from './import-registrations.js';
import { getHandlerModel } from './model.js';

// A module without one of these registers nothing a detector traces (as `fleet routes`' filter).
const MAY_REGISTER = /\.(?:get|post|put|patch|delete|del|all|use|route|register|head|options)\s*\(/;
const MAX_REEXPORT_HOPS = 3;

const caches = new Map<string, FileVersionCache<readonly ImportRegistration[]>>();

/** The registrations of imported values in `file`, for the project at `root` (cached per file version). */
function registrationsIn(file: string, root: string, settings: FleetSettings): readonly ImportRegistration[] {
  let cache = caches.get(root);
  if (!cache) {
    cache = new FileVersionCache((importer) => {
      const text = readFileSync(importer, 'utf8');
      if (!MAY_REGISTER.test(text)) return [];
      const ast = parse(text, { filePath: importer, range: true, loc: true, jsx: /x$/.test(importer), comment: false, tokens: false });
      simpleTraverse(ast, { enter: () => undefined }, true);
      const scopeManager = analyze(ast, { sourceType: 'module' });
      const model = getHandlerModel({ ast, scopeManager, filename: importer, settings, text });
      const label = path.relative(root, importer).split(path.sep).join('/');
      return importRegistrations(importer, label, model, (from, specifier) => projectMounts(root).resolve(from, specifier));
    }, []);
    caches.set(root, cache);
  }
  return cache.get(file);
}

/** The module and export a registration's import names, after re-exports: `undefined` when it leaves the project. */
function origin(registration: ImportRegistration): { file: string; name: string; members: readonly string[] } | undefined {
  let { file, name, members } = registration;
  for (let hop = 0; hop < MAX_REEXPORT_HOPS; hop++) {
    const summary = moduleSummaryOf(file);
    if (!summary) return { file, name, members };
    const lookup = name === '*' ? members[0] : name;
    const value = lookup === undefined ? undefined : summary.exports.get(lookup);
    if (value?.kind === 'reexport') {
      // `export { x } from './x'` or `export * as ns from './ns'`.
      file = value.file;
      if (name === '*') members = members.slice(1);
      name = value.name;
      continue;
    }
    if (value !== undefined || lookup === undefined || lookup === 'default') return { file, name, members };
    const star = summary.starFrom.find((candidate) => moduleSummaryOf(candidate)?.exports.has(lookup));
    if (star === undefined) return { file, name, members };
    file = star;
  }
  return { file, name, members };
}

/**
 * Every registration, in another module of the project at `root` (absolute), of an export of
 * the module at `file` (absolute), with `file`, `name` and `members` naming the export in that
 * module. Test files register nothing.
 */
export function exportRegistrations(file: string, root: string, settings: FleetSettings): ImportRegistration[] {
  const index = projectMounts(root);
  const found: ImportRegistration[] = [];
  const importers = new Set(index.importersOf(file));
  // One hop of re-exporting modules (`controllers/index.js`): their importers may register our exports.
  for (const importer of [...importers]) {
    const summary = moduleSummaryOf(importer);
    const reexports = summary && ([...summary.exports.values()].some((value) => value.kind === 'reexport' && value.file === file) || summary.starFrom.includes(file));
    if (reexports) for (const next of index.importersOf(importer)) importers.add(next);
  }
  importers.delete(file);
  for (const importer of importers) {
    for (const registration of registrationsIn(importer, root, settings)) {
      if (registration.file !== file && !importers.has(registration.file)) continue;
      const target = origin(registration);
      if (target?.file === file) found.push({ ...registration, ...target });
    }
  }
  return found;
}

/** Forgets every cached importer (tests). */
export function clearImportRegistrations(): void {
  caches.clear();
}
