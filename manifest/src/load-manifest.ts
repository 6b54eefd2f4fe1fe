import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ManifestError } from './manifest-error.js';
import { parseManifest, type ManifestResult } from './parse-manifest/parse-manifest.js';

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly ino: number;
  readonly result: ManifestResult;
}

// One entry per absolute path for the life of the process: ESLint calls the rule once per file,
// and a server classifies every request, so the file is parsed once and only re-read when it
// changes (an editor's save changes the mtime, an atomic rename the inode).
const cache = new Map<string, CacheEntry>();

/**
 * Reads and validates a manifest file, cached per process: a later call only stats the file and
 * re-parses when its mtime, size or inode changed. Never throws for a missing or broken file;
 * the error is returned (a server can `throw result.error`). Broken results are cached too, so a
 * bad manifest is reported once per change, not re-parsed per file.
 * @param path Manifest path, resolved against `process.cwd()`.
 */
export function loadManifest(path: string): ManifestResult {
  const file = resolve(path);
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    cache.delete(file);
    return unreadable(file, error);
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size && cached.ino === stats.ino) {
    return cached.result;
  }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return unreadable(file, error);
  }
  const result = parseManifest(source, file);
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, ino: stats.ino, result });
  return result;
}

/** Forgets every cached manifest (for tests, or after writing a manifest in the same millisecond). */
export function clearManifestCache(): void {
  cache.clear();
}

function unreadable(file: string, error: unknown): ManifestResult {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'ENOENT'
      ? 'The route manifest does not exist; create it with `fleet routes --init` or point `settings.fleet` at the right file.'
      : `The route manifest cannot be read (${code ?? String(error)}); check the path and its permissions.`;
  return { ok: false, error: new ManifestError(file, [{ file, line: 1, column: 1, code: 'unreadable', message }]) };
}
