/**
 * Same-module call reach: which functions a handler runs through calls of named functions
 * (`function f() {}`, `const f = () => {}`), up to `callDepth` hops, with the chain of names.
 * Built from the references of function-valued variables, so it never walks the tree.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { ScopeType } from '@typescript-eslint/scope-manager';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { FunctionNode, Handler, HandlerReach } from './types.js';
import { functionOfVariable, isFunction } from './resolve-function.js';

interface Edge {
  readonly callee: FunctionNode;
  readonly name: string;
}

/**
 * Candidate variables: every variable of the non-global scopes, and the top-level declarations
 * of the global scope (scripts). The global scope also holds hundreds of lib globals, which
 * would dominate the cost.
 */
function* functionVariables(scopeManager: ScopeManager, ast: TSESTree.Program): Iterable<Variable> {
  for (const scope of scopeManager.scopes) {
    if (scope.type !== ScopeType.global) yield* scope.variables;
  }
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration || statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const variable of scopeManager.getDeclaredVariables(statement)) if (variable.scope.type === ScopeType.global) yield variable;
    }
  }
}

/** Caller → callees, where a call inside a nested callback also counts for every enclosing function. */
function callEdges(scopeManager: ScopeManager, ast: TSESTree.Program): Map<FunctionNode, Edge[]> {
  const edges = new Map<FunctionNode, Edge[]>();
  for (const variable of functionVariables(scopeManager, ast)) {
    const callee = functionOfVariable(variable);
    if (!callee) continue;
    for (const reference of variable.references) {
      const id = reference.identifier;
      const call = id.parent as TSESTree.Node | undefined;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== id) continue;
      for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
        if (!isFunction(node) || node === callee) continue;
        const list = edges.get(node) ?? [];
        list.push({ callee, name: variable.name });
        edges.set(node, list);
      }
    }
  }
  return edges;
}

/**
 * For every function reached from a handler through same-module calls (not the handler itself),
 * the handlers reaching it with the shortest chain (breadth first).
 */
export function computeReach(scopeManager: ScopeManager, ast: TSESTree.Program, handlers: readonly Handler[], callDepth: number): Map<FunctionNode, HandlerReach[]> {
  const reach = new Map<FunctionNode, HandlerReach[]>();
  if (handlers.length === 0 || callDepth <= 0) return reach;
  const edges = callEdges(scopeManager, ast);
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
