import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Depth-first walk of `root`'s subtree. `enter` returning `false` skips a node's children.
 * Used only on subtrees a detector has already narrowed down (a class body, a file that passed a
 * text pre-filter), never once per handler.
 */
export function walk(root: TSESTree.Node, enter: (node: TSESTree.Node) => boolean | undefined): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/**
 * Visits, in source order, every call expression whose range holds one of `offsets` (character
 * offsets of a text pre-filter's matches, ascending), skipping subtrees that hold none; every
 * call when `offsets` is `undefined` (text not known).
 */
export function walkCallsAt(
  root: TSESTree.Node,
  offsets: readonly number[] | undefined,
  visit: (call: TSESTree.CallExpression) => void,
): void {
  let next = 0;
  walk(root, (node) => {
    if (offsets) {
      while (next < offsets.length && offsets[next]! < node.range[0]) next++;
      if (next >= offsets.length || offsets[next]! >= node.range[1]) return false;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) visit(node);
    return undefined;
  });
}

/**
 * Sets `parent` on every node of `root`'s subtree (`root`'s own to `undefined`) and calls `enter`
 * on each node, parents before children, children in visitor-key order: what typescript-estree's
 * `simpleTraverse(root, { enter }, true)` does, with index loops instead of iterators (that walk
 * allocated an iterator per node and per child list: 40 MB in one lint of the synthetic backend).
 */
export function traverseSettingParents(root: TSESTree.Node, enter?: (node: TSESTree.Node) => void): void {
  visitSettingParents(root, undefined, enter);
}

function visitSettingParents(
  node: TSESTree.Node,
  parent: TSESTree.Node | undefined,
  enter: ((node: TSESTree.Node) => void) | undefined,
): void {
  (node as { parent: TSESTree.Node | undefined }).parent = parent;
  enter?.(node);
  const keys = visitorKeys[node.type];
  if (keys === undefined) return;
  for (let k = 0; k < keys.length; k++) {
    const child = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const item = child[i] as TSESTree.Node | null;
        if (item !== null && typeof item === 'object' && typeof item.type === 'string') visitSettingParents(item, node, enter);
      }
    } else if (child !== null && typeof child === 'object' && typeof (child as TSESTree.Node).type === 'string') {
      visitSettingParents(child as TSESTree.Node, node, enter);
    }
  }
}
