import type { ImportSource } from '../handlers/types.js';
import { moduleSummaryOf } from './module-summary-cache.js';
import { resolveModule } from './resolve-module.js';
import type { ValueSummary } from './types.js';

/** How many re-export hops (`export * from`, `export { x } from`) a lookup follows. */
export const MAX_REEXPORT_DEPTH = 3;

/**
 * What an imported value is, when it comes from a project module (relative specifier or
 * tsconfig `paths` alias) whose
 * source proves it: `import { send } from './mailer'` → `send`, `import * as jobs from './jobs'`
 * + `jobs.enqueue` → `enqueue`, `require('./mailer').send`, `import mailer from './mailer'` +
 * `mailer.send` → member `send` of the default export. CommonJS interop is folded both ways: a
 * named lookup falls back to a member of `module.exports`, and a member of the default export
 * to a named `exports.x`. Packages are never read (`undefined`).
 */
export function lookupImport(fromFile: string, source: ImportSource): ValueSummary | undefined {
  const file = resolveModule(fromFile, source.module);
  if (file === undefined) return undefined;
  const [first, ...rest] = source.members;
  let value: ValueSummary | undefined;
  let members: readonly string[];
  if (source.name === '*') {
    // The namespace itself is not callable; a bare `require('./m')` is `module.exports`.
    value = first === undefined ? exportOf(file, 'default', 0) : exportOf(file, first, 0);
    members = rest;
  } else if (source.name === 'default') {
    value = exportOf(file, 'default', 0);
    members = source.members;
    if (value === undefined && first !== undefined) {
      // `import m from './cjs'` + `m.x`: a module that only assigns `exports.x`.
      value = exportOf(file, first, 0);
      members = rest;
    }
  } else {
    value = exportOf(file, source.name, 0);
    members = source.members;
  }
  for (const member of members) {
    if (value === undefined) return undefined;
    value = memberOf(value, member, 0);
  }
  return value === undefined ? undefined : settle(value, 0);
}

/** Export `name` of the module at `file`, re-exports followed up to {@link MAX_REEXPORT_DEPTH}. */
function exportOf(file: string, name: string, depth: number): ValueSummary | undefined {
  if (depth > MAX_REEXPORT_DEPTH) return undefined;
  const summary = moduleSummaryOf(file);
  if (!summary) return undefined;
  const direct = summary.exports.get(name);
  if (direct) return settle(direct, depth);
  if (name === 'default') return undefined;
  for (const star of summary.starFrom) {
    const value = exportOf(star, name, depth + 1);
    if (value) return value;
  }
  const moduleExports = summary.exports.get('default');
  return moduleExports ? memberOf(settle(moduleExports, depth) ?? moduleExports, name, depth) : undefined;
}

/** Member `name` of a value: an object's property, a class's static, a namespace's export. */
function memberOf(value: ValueSummary, name: string, depth: number): ValueSummary | undefined {
  switch (value.kind) {
    case 'object':
      return value.members.get(name);
    case 'class':
      return value.statics.get(name);
    case 'reexport':
      if (value.name === '*') return exportOf(value.file, name, depth + 1);
      return undefined;
    default:
      return undefined;
  }
}

/** Follows a re-export to the value it names (a namespace re-export stays a reference). */
function settle(value: ValueSummary, depth: number): ValueSummary | undefined {
  if (value.kind !== 'reexport' || value.name === '*') return value;
  return exportOf(value.file, value.name, depth + 1);
}
