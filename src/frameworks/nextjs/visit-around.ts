/**
 * A tree walk that only enters nodes spanning one of a few source offsets. Detectors find
 * candidate tokens first (a `'use server'` string, a declared callee's name) and then visit
 * just the branches around them, instead of walking every node of every file.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

/**
 * Calls `enter(node, parent)` for every node whose range contains one of `offsets`, parents
 * before children. `offsets === undefined` visits the whole tree.
 */
export function visitAround(
  root: TSESTree.Node,
  offsets: readonly number[] | undefined,
  enter: (node: TSESTree.Node, parent: TSESTree.Node | undefined) => void,
): void {
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
    if (offsets !== undefined && !offsets.some((offset) => node.range[0] <= offset && offset < node.range[1])) return;
    enter(node, parent);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (isNode(item)) visit(item, node);
      }
    }
  };
  visit(root, undefined);
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
