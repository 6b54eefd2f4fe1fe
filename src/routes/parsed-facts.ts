/**
 * Module facts of project files, parsed once per file version. The mount index parses without
 * scope analysis, tokens or comments (the facts are read from the bare tree), and `fleet routes`,
 * which parses every file anyway, hands its facts in so no file is parsed twice.
 */
import { readFileSync } from 'node:fs';
import { parse } from '@typescript-eslint/typescript-estree';
import type { ModuleFacts } from './facts.js';
import { moduleFacts } from './module-facts/module-facts.js';

const known = new Map<string, { readonly stamp: string; readonly facts: ModuleFacts | undefined }>();

/**
 * Records the facts of `file` as read at `stamp` (its `mtime:size` before it was read, from
 * `fileStamp`), for the mount index to reuse.
 */
export function rememberFacts(file: string, stamp: string, facts: ModuleFacts): void {
  known.set(file, { stamp, facts });
}

/** The facts of `file` at `stamp`: remembered, or parsed now; `undefined` when it does not parse. */
export function factsAt(file: string, stamp: string): ModuleFacts | undefined {
  const cached = known.get(file);
  if (cached?.stamp === stamp) return cached.facts;
  let facts: ModuleFacts | undefined;
  try {
    const text = readFileSync(file, 'utf8');
    facts = moduleFacts(parse(text, { filePath: file, range: true, loc: true, jsx: /\.[cm]?[jt]sx$/.test(file) || file.endsWith('.js') }));
  } catch {
    // A file that does not parse mounts nothing we can read; `fleet scan` reports parse errors.
    facts = undefined;
  }
  known.set(file, { stamp, facts });
  return facts;
}

/** Forgets every remembered file. */
export function clearParsedFacts(): void {
  known.clear();
}
