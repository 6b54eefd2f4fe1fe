/** What the path flow says a path expression is (see workspace-flow.ts). */
/**
 * A workspace path (from a configured source), another local-disk path (not provably the
 * bundle: a database value, a request field, a config value, an absolute directory), each with
 * the expression it derives from; a path every replica has on its own disk (the bundle or scratch
 * space); or no path at all (`undefined`: a number, an object).
 */
export type Verdict =
  | { readonly kind: 'workspace'; readonly source: string }
  | { readonly kind: 'local'; readonly source: string }
  | { readonly kind: 'bundle' }
  | { readonly kind: 'scratch' }
  | undefined;

/** Workspace and other local-disk paths: the two a serve replica must not read. */
export function isLocalDisk(verdict: Verdict): verdict is { readonly kind: 'workspace' | 'local'; readonly source: string } {
  return verdict?.kind === 'workspace' || verdict?.kind === 'local';
}
