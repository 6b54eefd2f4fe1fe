import type { TSESTree } from '@typescript-eslint/utils';

/**
 * A node's parent, typed as possibly missing: the Program has none, and a tree built without
 * ESLint has none until parent pointers are set.
 */
export function parentOf(node: TSESTree.Node): TSESTree.Node | undefined {
  return node.parent;
}
