import type { PrefixNode } from './prefix-index.js';

/** The two roles a route can have. `ide-only`: needs the workspace checkout, git or a process-local stream, so only the stateful node answers it. `fleet-ok`: any replica answers it. */
export type Role = 'ide-only' | 'fleet-ok';

/** One segment of a route pattern: a literal, `{name}` (exactly one segment) or `{*name}` (one or more trailing segments). */
export type Segment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'rest'; readonly name: string };

/** A parsed pattern in Fleet's form, e.g. `/api/{id}/files/{*path}`. */
export interface Pattern {
  /** The pattern text as written (canonical form). */
  readonly text: string;
  /** Segments in order; the root `/` has none. A `rest` segment can only be last. */
  readonly segments: readonly Segment[];
  /** Number of literal segments (a precedence key). */
  readonly literals: number;
  /** Whether the last segment is `{*name}` (a precedence key). */
  readonly hasRest: boolean;
}

/** A 1-based line and column in the manifest file. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One validated declaration of the manifest. */
export interface Declaration {
  /** Upper-case HTTP method, or `*` for any method. */
  readonly method: string;
  /** The path pattern as written. */
  readonly path: string;
  readonly pattern: Pattern;
  readonly role: Role;
  /** Why the route is ide-only (required for ide-only, optional for fleet-ok). */
  readonly reason: string | undefined;
  /** 0-based position of the declaration in `routes`. */
  readonly index: number;
  /** Where the declaration starts in the manifest file. */
  readonly position: SourcePosition;
}

/** A loaded, valid manifest: no invalid entries, no duplicates, no ties. Build it with `parseManifest` or `loadManifest`. */
export interface Manifest {
  /** The file it was read from (as given to the parser). */
  readonly file: string;
  readonly version: 1;
  /** Declarations in file order. */
  readonly declarations: readonly Declaration[];
  /** Declarations grouped by leading literal segments, built at load for classification. */
  readonly prefixIndex: PrefixNode;
}

/** A route as the inventory knows it: a method (or `*` for all methods) and a pattern in Fleet's form. */
export interface RouteRef {
  readonly method: string;
  readonly path: string;
}
