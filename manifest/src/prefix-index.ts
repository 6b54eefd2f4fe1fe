import type { Declaration } from './types.js';

/**
 * Declarations grouped by their leading literal segments, so classification only looks at
 * declarations whose literal prefix the path has (a few), not at the whole manifest.
 */
export interface PrefixNode {
  readonly children: Map<string, PrefixNode>;
  /** Declarations whose literal prefix ends at this node (next segment is a parameter, or none). */
  readonly declarations: Declaration[];
}

/** Builds the prefix tree once, at load. */
export function buildPrefixIndex(declarations: readonly Declaration[]): PrefixNode {
  const root: PrefixNode = { children: new Map(), declarations: [] };
  for (const declaration of declarations) {
    let node = root;
    for (const segment of declaration.pattern.segments) {
      if (segment.kind !== 'literal') break;
      let child = node.children.get(segment.value);
      if (!child) {
        child = { children: new Map(), declarations: [] };
        node.children.set(segment.value, child);
      }
      node = child;
    }
    node.declarations.push(declaration);
  }
  return root;
}

/** Calls `visit` for every declaration whose literal prefix is a prefix of `keys`. */
export function forEachCandidate(root: PrefixNode, keys: readonly string[], visit: (declaration: Declaration) => void): void {
  let node: PrefixNode | undefined = root;
  for (let depth = 0; node; depth++) {
    for (const declaration of node.declarations) visit(declaration);
    if (depth >= keys.length) return;
    node = node.children.get(keys[depth]!);
  }
}
