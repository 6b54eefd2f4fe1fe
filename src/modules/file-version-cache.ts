import { clearFileStats, statOf } from './file-stats.js';
import type { ModuleSource } from './module-source.js';
import { moduleSourceAt } from './module-source.js';

interface Entry<T> {
  readonly mtimeMs: number;
  readonly size: number;
  readonly value: T;
}

/**
 * Values derived from files on disk (an imported module's summary, its fs wrappers, its
 * machine-local roots), computed once per file version: a later `get` only stats the file and
 * recomputes when its modification time or size changed. Every cache derives from the same
 * `ModuleSource` of a version (`module-source.ts`), so the file is read and parsed once however
 * many readers ask; an editor's long-lived ESLint process still follows every save.
 */
export class FileVersionCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #compute: (source: ModuleSource) => T;
  readonly #fallback: T;

  /**
   * @param compute derives the value from one version of the file (its text, and its syntax tree
   *   through `source.parse()`, shared with the other readers).
   * @param fallback the value for a missing, unreadable or non-regular file, and for a file whose
   *   `compute` throws (remembered, so a broken module is not re-parsed until it changes).
   */
  constructor(compute: (source: ModuleSource) => T, fallback: T) {
    this.#compute = compute;
    this.#fallback = fallback;
  }

  /** The value for the current version of `file` (absolute); never throws. */
  get(file: string): T {
    // Missing, unreadable (permissions, a broken link) or not a file: treated like a missing module.
    const stats = statOf(file);
    if (!stats?.isFile()) return this.#fallback;
    const cached = this.#entries.get(file);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.value;
    let value: T;
    try {
      value = this.#compute(moduleSourceAt(file, stats));
    } catch {
      value = this.#fallback;
    }
    this.#entries.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, value });
    return value;
  }

  /**
   * Records `value` for the current version of `file` (absolute), as if `compute` had returned it:
   * for a caller that already holds what `compute` would derive from the file (the host parsed it).
   * Does nothing when the file is missing or unreadable.
   */
  set(file: string, value: T): void {
    const stats = statOf(file);
    if (stats?.isFile()) this.#entries.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, value });
  }

  /** True when `file`'s current version is cached (it stats the file). */
  has(file: string): boolean {
    return this.peek(file) !== undefined;
  }

  /** The cached value of `file`'s current version, without computing it: `undefined` when none (it stats the file). */
  peek(file: string): { readonly value: T } | undefined {
    const cached = this.#entries.get(file);
    if (!cached) return undefined;
    const stats = statOf(file);
    return stats !== undefined && stats.isFile() && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size ? cached : undefined;
  }

  /** Forgets every entry (tests, and tools that rewrite files within one process). */
  clear(): void {
    this.#entries.clear();
    clearFileStats();
  }

  /** How many file versions are cached, computed or failed. */
  get size(): number {
    return this.#entries.size;
  }
}
