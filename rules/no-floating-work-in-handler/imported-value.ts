import type { TSESTree } from '@typescript-eslint/utils';
import type { ImportIndex } from '../../src/handlers/types.js';
import { lookupImport } from '../../src/modules/lookup-import.js';
import type { ValueSummary } from '../../src/modules/types.js';

/** What an expression imported from a project module is, by its summary; `undefined` when unknown. */
export type ImportedValue = (node: TSESTree.Node) => ValueSummary | undefined;

/**
 * The cross-module lookup for one linted file (syntactic mode only: with types the checker
 * knows). Memoised per import path, so a file that calls `mailer.send` ten times resolves and
 * stats `./mailer` once; modules are parsed lazily, on the first call that needs them.
 */
export function importedValueLookup(filename: string, imports: ImportIndex): ImportedValue {
  const memo = new Map<string, ValueSummary | undefined>();
  return (node) => {
    const source = imports.sourceOf(node);
    if (!source) return undefined;
    const key = `${source.module}\0${source.name}\0${source.members.join('.')}`;
    if (!memo.has(key)) memo.set(key, lookupImport(filename, source));
    return memo.get(key);
  };
}
