import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { didYouMean } from '../did-you-mean.js';
import { ManifestError } from '../manifest-error.js';
import { buildPrefixIndex } from '../prefix-index.js';
import type { Declaration, Manifest } from '../types.js';
import { findConflicts } from './find-conflicts.js';
import { readCanonical } from './read-canonical.js';
import { readDeclaration, report, type ReadContext } from './read-declaration.js';
import { syntaxIssues } from './syntax-issues.js';

/** The manifest schema version this package reads. */
export const MANIFEST_VERSION = 1;

/** A manifest, or one error listing every problem in it. */
export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; error: ManifestError };

const TOP_KEYS = ['version', 'routes'];

/**
 * Parses and validates manifest text. YAML is read with `parseDocument` (no custom tags, no code
 * runs), keeping positions so every problem names `file:line:column`. Never throws for bad input:
 * all problems come back in one `ManifestError`. A valid manifest in the layout Fleet writes is
 * read without the YAML library (see `readCanonical`), with the same result.
 * @param file The file name used in positions and messages (default `fleet.routes.yaml`).
 */
export function parseManifest(source: string, file = 'fleet.routes.yaml'): ManifestResult {
  const declarations = readCanonical(source);
  if (declarations !== undefined && findConflicts(file, declarations).length === 0) return valid(file, declarations);
  return parseManifestYaml(source, file);
}

/** {@link parseManifest} through the YAML library alone (exported for the equivalence tests). */
export function parseManifestYaml(source: string, file = 'fleet.routes.yaml'): ManifestResult {
  const lines = new LineCounter();
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });
  const context: ReadContext = { file, lines, issues: [] };
  if (document.errors.length > 0) {
    return failure(file, syntaxIssues(file, source, lines, document.errors));
  }
  const root = document.contents as Node | null;
  if (!isMap(root)) {
    report(context, root, 'shape', 'A manifest is a mapping that starts with `version: 1` and lists `routes:`.');
    return failure(file, context.issues);
  }
  let versionSeen = false;
  let routes: unknown;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (key === 'version') {
      versionSeen = true;
      checkVersion(context, pair.value as Node | null);
    } else if (key === 'routes') {
      routes = pair.value ?? null;
      if (!isSeq(pair.value) && !(isScalar(pair.value) && pair.value.value === null) && pair.value !== null) {
        report(context, pair.value as Node, 'shape', '`routes` is a list of declarations, each starting with `- `.');
      }
    } else {
      const suggestion = didYouMean(key, TOP_KEYS);
      const hint = suggestion === undefined ? '' : ` (did you mean \`${suggestion}\`?)`;
      report(
        context,
        pair.key as Node,
        'unknown-key',
        `Unknown top-level key \`${key}\`${hint}; a manifest has only \`version\` and \`routes\`.`,
      );
    }
  }
  if (!versionSeen) report(context, root, 'version', 'The manifest has no `version`; add `version: 1` as its first line.');
  if (routes === undefined) report(context, root, 'missing-key', 'The manifest has no `routes`; add `routes:` followed by declarations.');
  const declarations: Declaration[] = [];
  if (isSeq(routes)) {
    for (const [index, item] of routes.items.entries()) {
      const declaration = readDeclaration(context, item, index);
      if (declaration) declarations.push(declaration);
    }
  }
  context.issues.push(...findConflicts(file, declarations));
  if (context.issues.length > 0) return failure(file, context.issues);
  return valid(file, declarations);
}

/** The result for declarations that passed every check, conflicts included. */
function valid(file: string, declarations: Declaration[]): ManifestResult {
  return { ok: true, manifest: { file, version: MANIFEST_VERSION, declarations, prefixIndex: buildPrefixIndex(declarations) } };
}

function checkVersion(context: ReadContext, node: Node | null): void {
  if (isScalar(node) && node.value === MANIFEST_VERSION) return;
  const written = isScalar(node) ? JSON.stringify(node.value) : 'a non-number';
  const unsupported = isScalar(node) && typeof node.value === 'number';
  const message = unsupported
    ? `Unsupported manifest version ${written}; this version of fleet-routes reads \`version: 1\`.`
    : `\`version\` must be the number 1 (found ${written}); write \`version: 1\`.`;
  report(context, node, 'version', message);
}

function failure(file: string, issues: ManifestError['issues']): ManifestResult {
  return { ok: false, error: new ManifestError(file, issues) };
}
