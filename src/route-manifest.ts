/**
 * Which route manifest applies to a linted file: an explicit path (rule option, then
 * `settings.fleet.manifest`) or the nearest `fleet.routes.yaml`. Parsing and its cache live in
 * `fleet-routes` (`loadManifest`); only the directory walk is cached here.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { findManifest, loadManifest } from 'fleet-routes';
import type { Manifest, ManifestError } from 'fleet-routes';

/** The manifest for a file: none found, found but broken, or loaded. */
export type ManifestLookup =
  | { readonly kind: 'none'; readonly searchedFrom: string }
  | { readonly kind: 'broken'; readonly file: string; readonly error: ManifestError }
  | {
      readonly kind: 'ok';
      readonly file: string;
      readonly manifest: Manifest;
      /** The project the manifest governs (cross-file route prefixes are searched in it): its directory when found by search, else `cwd`. */
      readonly projectRoot: string;
    };

// An editor lints one file per keystroke and a CLI run thousands: walking up the tree for each
// file would stat the same directories again and again. A created or deleted manifest is seen
// within a second, the same trade-off eslint-plugin-turbo makes for its config files.
const FIND_TTL_MS = 1000;
const found = new Map<string, { readonly at: number; readonly file: string | undefined }>();

function nearest(dir: string): string | undefined {
  const now = Date.now();
  const cached = found.get(dir);
  if (cached && now - cached.at < FIND_TTL_MS) return cached.file;
  const file = findManifest(dir);
  found.set(dir, { at: now, file });
  return file;
}

/** Forgets the cached directory walks (tests that create and delete manifests). */
export function clearManifestLookupCache(): void {
  found.clear();
}

/**
 * The manifest that applies to `filename`.
 * @param explicit A configured manifest path (rule option or `settings.fleet.manifest`), resolved
 *   against `cwd`; when set, no search happens and a missing file is `broken` (a misconfiguration).
 * @param cwd ESLint's working directory (`context.cwd`).
 */
export function manifestFor(filename: string, explicit: string | undefined, cwd: string): ManifestLookup {
  const file = explicit === undefined ? nearest(dirname(resolve(cwd, filename))) : isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
  if (file === undefined) return { kind: 'none', searchedFrom: dirname(resolve(cwd, filename)) };
  const result = loadManifest(file);
  if (!result.ok) return { kind: 'broken', file, error: result.error };
  return { kind: 'ok', file, manifest: result.manifest, projectRoot: explicit === undefined ? dirname(file) : cwd };
}
