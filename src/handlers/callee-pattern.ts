/**
 * Fleet's one callee-pattern dialect, used by every setting that names calls
 * (`settings.fleet.handlers[].callee`, `settings.fleet.queues`, the `allowCalls` option): dotted
 * segments, `*` matches exactly one segment, `**` any number (also none), and a leading `this.`
 * on the call is optional (`metrics.increment` also matches `this.metrics.increment`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../ast/member-name.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The callee as a dotted path (`this.router?.get` → `['this', 'router', 'get']`), optional
 * chaining and TypeScript wrappers ignored; `undefined` when a segment is computed from a value
 * or the chain starts at a call (`makeRouter().get`).
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
    case AST_NODE_TYPES.TSAsExpression:
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

/** Whether a callee path matches a pattern of the dialect (see the module comment). */
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
