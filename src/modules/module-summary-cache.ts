import { readFileSync, statSync } from 'node:fs';
import { summariseModule } from './summarise-module.js';
import type { ModuleSummary } from './types.js';
import { clearPathAliasCache } from './path-aliases.js';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  /** `undefined` when the file could not be read or parsed: remembered so it is not retried. */
  readonly summary: ModuleSummary | undefined;
}

// One process lints many files importing the same services: parse each module once, and again
// only when it changes on disk (editors keep the process alive across edits).
const cache = new Map<string, Entry>();

/**
 * The export summary of the module at absolute path `file`, parsed on first use and cached by
 * modification time and size. `undefined` (never an exception) when the file is missing,
 * unreadable or does not parse: callers treat its exports as unknown.
 */
export function moduleSummaryOf(file: string): ModuleSummary | undefined {
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats?.isFile()) return undefined;
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.summary;
  let summary: ModuleSummary | undefined;
  try {
    summary = summariseModule(file, readFileSync(file, 'utf8'));
  } catch {
    summary = undefined;
  }
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, summary });
  return summary;
}

/** Forgets every cached summary (tests, and tools that rewrite files within one process). */
export function clearModuleSummaryCache(): void {
  cache.clear();
  clearPathAliasCache();
}

/** How many modules are cached, parsed or failed (for tests and measurements). */
export function moduleSummaryCacheSize(): number {
  return cache.size;
}
