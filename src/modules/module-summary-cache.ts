import { FileVersionCache } from './file-version-cache.js';
import { summariseSource } from './summarise-module.js';
import { clearModuleSources } from './module-source.js';
import type { ModuleSummary } from './types.js';
import { clearPathAliasCache } from './path-aliases.js';

// One process lints many files importing the same services: parse each module once, and again
// only when it changes on disk (editors keep the process alive across edits).
const cache = new FileVersionCache<ModuleSummary | undefined>(summariseSource, undefined);

/**
 * The export summary of the module at absolute path `file`, parsed on first use and cached by
 * modification time and size. `undefined` (never an exception) when the file is missing,
 * unreadable or does not parse: callers treat its exports as unknown.
 */
export function moduleSummaryOf(file: string): ModuleSummary | undefined {
  return cache.get(file);
}

/** Forgets every cached summary (tests, and tools that rewrite files within one process). */
export function clearModuleSummaryCache(): void {
  cache.clear();
  clearModuleSources();
  clearPathAliasCache();
}

/** How many modules are cached, parsed or failed (for tests and measurements). */
export function moduleSummaryCacheSize(): number {
  return cache.size;
}
