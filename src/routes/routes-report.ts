/**
 * What `fleet routes` reports: the project's routes with their roles, and for `--check` what is
 * wrong with the manifest; `--init` appends declarations for the unclassified routes first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  analyzeRoutes,
  appendDeclarations,
  classifyPattern,
  clearManifestCache,
  findManifest,
  loadManifest,
  MANIFEST_FILE_NAME,
  ManifestError,
} from 'fleet-routes';
import type { Declaration, ManifestIssue, NewDeclaration, Role } from 'fleet-routes';
import type { RouteEntry } from './inventory.js';
import { projectRoutes } from './project-routes.js';

/** One row: a route and one of its methods. */
export interface RouteRow {
  readonly method: string;
  readonly entry: RouteEntry;
  /** `undefined` when unclassified or unresolved. */
  readonly role: Role | undefined;
  readonly declaration: Declaration | undefined;
}

/** The report of a run; `broken` when the manifest cannot be read (exit 2). */
export type RoutesReport =
  | { readonly kind: 'broken'; readonly message: string }
  | {
      readonly kind: 'report';
      readonly root: string;
      /** Absolute manifest path, and whether it exists. */
      readonly manifest: string;
      readonly manifestFound: boolean;
      readonly rows: readonly RouteRow[];
      /** Files that do not parse, `file: message`. */
      readonly errors: readonly string[];
      /** Declarations added by `--init`. */
      readonly added: readonly NewDeclaration[] | undefined;
      readonly check: RoutesCheck | undefined;
      /** False when `--check` found a problem. */
      readonly passed: boolean;
    };

/** `--check` findings. Unresolved routes are warnings and do not fail the check. */
export interface RoutesCheck {
  readonly unclassified: readonly RouteRow[];
  readonly stale: readonly Declaration[];
  readonly shadowed: readonly { readonly declaration: Declaration; readonly by: readonly Declaration[] }[];
  /** Tie and duplicate problems of the manifest. */
  readonly ties: readonly ManifestIssue[];
  readonly unresolved: readonly RouteRow[];
}

/** What `routesReport` needs from the command line. */
export interface RoutesReportOptions {
  readonly root: string;
  readonly manifest: string | undefined;
  readonly check: boolean;
  readonly init: boolean;
}

const TIE_CODES = new Set(['tie', 'duplicate']);

function rowsOf(entries: readonly RouteEntry[]): RouteRow[] {
  return entries.flatMap((entry) => entry.methods.map((method) => ({ method, entry, role: undefined, declaration: undefined })));
}

/** Builds the report (and with `init`, writes the manifest). */
export function routesReport(options: RoutesReportOptions): RoutesReport {
  const root = path.resolve(options.root);
  const manifestPath = options.manifest ?? findManifest(root) ?? path.join(root, MANIFEST_FILE_NAME);
  const { routes, errors } = projectRoutes(root);
  let rows = rowsOf(routes);
  let manifestFound = statExists(manifestPath);
  let added: NewDeclaration[] | undefined;
  if (options.init) {
    const declared = manifestFound ? loadManifest(manifestPath) : undefined;
    if (declared && !declared.ok) return { kind: 'broken', message: declared.error.message };
    const manifest = declared?.ok ? declared.manifest : undefined;
    const seen = new Set<string>();
    added = [];
    for (const row of rows) {
      const pattern = row.entry.pattern;
      if (pattern === undefined || (manifest && classifyPattern(manifest, row.method, pattern))) continue;
      const key = `${row.method} ${pattern}`;
      if (seen.has(key)) continue;
      seen.add(key);
      added.push({ method: row.method, path: pattern, role: 'ide-only', reason: 'unreviewed' });
    }
    if (added.length > 0) {
      const text = manifestFound ? readFileSync(manifestPath, 'utf8') : '';
      try {
        writeFileSync(manifestPath, appendDeclarations(text, added));
      } catch (error) {
        if (error instanceof ManifestError) return { kind: 'broken', message: error.message };
        throw error;
      }
      clearManifestCache();
      manifestFound = true;
    }
  }
  if (!manifestFound) {
    const check = options.check
      ? {
          unclassified: rows.filter((r) => r.entry.complete),
          stale: [],
          shadowed: [],
          ties: [],
          unresolved: rows.filter((r) => !r.entry.complete),
        }
      : undefined;
    return {
      kind: 'report',
      root,
      manifest: manifestPath,
      manifestFound,
      rows,
      errors,
      added,
      check,
      passed: rows.every((r) => !r.entry.complete),
    };
  }
  const loaded = loadManifest(manifestPath);
  if (!loaded.ok) {
    const ties = loaded.error.issues.every((issue) => TIE_CODES.has(issue.code)) ? loaded.error.issues : undefined;
    if (!options.check || ties === undefined) return { kind: 'broken', message: loaded.error.message };
    const check = { unclassified: [], stale: [], shadowed: [], ties, unresolved: rows.filter((r) => !r.entry.complete) };
    return { kind: 'report', root, manifest: manifestPath, manifestFound, rows, errors, added, check, passed: false };
  }
  const { manifest } = loaded;
  rows = rows.map((row) => {
    const declaration = row.entry.pattern === undefined ? undefined : classifyPattern(manifest, row.method, row.entry.pattern);
    return { ...row, declaration, role: declaration?.role };
  });
  if (!options.check)
    return { kind: 'report', root, manifest: manifestPath, manifestFound, rows, errors, added, check: undefined, passed: true };
  const complete = rows.filter((row) => row.entry.complete);
  const analysis = analyzeRoutes(
    manifest,
    complete.map((row) => ({ method: row.method, path: row.entry.pattern!, row })),
  );
  const check: RoutesCheck = {
    unclassified: analysis.unclassified.map((ref) => ref.row),
    stale: analysis.stale,
    shadowed: analysis.shadowed,
    ties: [],
    unresolved: rows.filter((row) => !row.entry.complete),
  };
  const passed = check.unclassified.length + check.stale.length + check.shadowed.length === 0;
  return { kind: 'report', root, manifest: manifestPath, manifestFound, rows, errors, added, check, passed };
}

function statExists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
