import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/handlers/member-name.js';

/**
 * The callee as a dotted path (`this.metrics.increment` → `['this', 'metrics', 'increment']`),
 * or `undefined` when a segment is computed or a call (`make().run`).
 */
export function calleePath(node: TSESTree.Node): string[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return [node.name];
    case AST_NODE_TYPES.ThisExpression:
      return ['this'];
    case AST_NODE_TYPES.Super:
      return ['super'];
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return calleePath(node.expression);
    case AST_NODE_TYPES.MemberExpression: {
      const property = memberName(node);
      const object = property === undefined ? undefined : calleePath(node.object);
      return object && property !== undefined ? [...object, property] : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether a callee path matches an `allowCalls` / `queues` pattern. Segments are separated by
 * `.`; `*` matches one segment, `**` any number. A leading `this.` on the callee is optional,
 * so `metrics.increment` also allows `this.metrics.increment`.
 */
export function matchesCalleePattern(path: readonly string[], pattern: string): boolean {
  const segments = pattern.split('.');
  return matchSegments(path, 0, segments, 0) || (path[0] === 'this' && matchSegments(path, 1, segments, 0));
}

function matchSegments(path: readonly string[], i: number, pattern: readonly string[], j: number): boolean {
  if (j === pattern.length) return i === path.length;
  const segment = pattern[j];
  if (segment === '**') {
    for (let k = i; k <= path.length; k++) if (matchSegments(path, k, pattern, j + 1)) return true;
    return false;
  }
  return i < path.length && (segment === '*' || segment === path[i]) && matchSegments(path, i + 1, pattern, j + 1);
}
