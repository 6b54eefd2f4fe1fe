import type { ImportSource } from './types.js';

/**
 * The export path an import source names, with CommonJS/ESM interop folded: `import x from 'm'`,
 * `import * as x from 'm'`, `require('m')` and `require('m').default` are all `[]` (the module
 * itself); `express.Router`, `{ Router }` and `require('express').Router` are all `['Router']`.
 */
export function importPath(source: ImportSource): readonly string[] {
  const path = source.name === '*' || source.name === 'default' ? source.members : [source.name, ...source.members];
  return path[0] === 'default' ? path.slice(1) : path;
}

/** True when `source` comes from one of `modules` and names exactly `path` (see `importPath`). */
export function isImportOf(source: ImportSource | undefined, modules: readonly string[], path: readonly string[]): boolean {
  if (!source || !modules.includes(source.module)) return false;
  const actual = importPath(source);
  return actual.length === path.length && actual.every((segment, index) => segment === path[index]);
}
