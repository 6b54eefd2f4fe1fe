/**
 * Same-module call reach: which functions a handler runs through calls of named functions and
 * same-module methods (see `callEdges`), up to `callDepth` hops, with the chain of names.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { FunctionNode, Handler, HandlerReach } from './types.js';
import { callEdges } from './call-edges.js';

/**
 * For every function reached from a handler through same-module calls (not the handler itself),
 * the handlers reaching it with the shortest chain (breadth first). `text` (the module source)
 * lets the call graph skip a tree walk when no `this.` member occurs.
 */
export function computeReach(
  scopeManager: ScopeManager,
  ast: TSESTree.Program,
  handlers: readonly Handler[],
  callDepth: number,
  text?: string,
): Map<FunctionNode, HandlerReach[]> {
  const reach = new Map<FunctionNode, HandlerReach[]>();
  if (handlers.length === 0 || callDepth <= 0) return reach;
  const edges = callEdges(scopeManager, ast, text);
  for (const handler of handlers) {
    const seen = new Set<FunctionNode>([handler.node]);
    let frontier: { fn: FunctionNode; chain: readonly string[] }[] = [{ fn: handler.node, chain: [] }];
    for (let depth = 0; depth < callDepth && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      for (const { fn, chain } of frontier) {
        for (const edge of edges.get(fn) ?? []) {
          if (seen.has(edge.callee)) continue;
          seen.add(edge.callee);
          const entry = { fn: edge.callee, chain: [...chain, edge.name] };
          next.push(entry);
          const list = reach.get(edge.callee) ?? [];
          list.push({ handler, chain: entry.chain });
          reach.set(edge.callee, list);
        }
      }
      frontier = next;
    }
  }
  return reach;
}
