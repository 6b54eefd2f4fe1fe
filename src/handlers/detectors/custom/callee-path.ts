/** Dotted names of callees (`router.api.get`) and the `*` patterns of `settings.fleet.handlers` that match them. */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../member-name.js';

/**
 * The callee's dotted name with optional chaining and TypeScript wrappers ignored
 * (`this.router?.get` → `this.router.get`), or `undefined` when a segment is computed from a value
 * or the chain starts at a call (`makeRouter().get`).
 */
export function calleePath(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'ChainExpression':
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return calleePath(node.expression);
    case 'MemberExpression': {
      const object = calleePath(node.object);
      const property = memberName(node);
      return object === undefined || property === undefined ? undefined : `${object}.${property}`;
    }
    default:
      return undefined;
  }
}

/** True when `path` matches the dotted `pattern`, where a `*` segment matches exactly one segment. */
export function matchesCallee(pattern: string, path: string): boolean {
  const expected = pattern.split('.');
  const actual = path.split('.');
  return expected.length === actual.length && expected.every((segment, index) => segment === '*' || segment === actual[index]);
}
