/**
 * The same-module call graph reach follows: caller → callees, for calls of named functions
 * (`notify()`), methods of the enclosing class or object (`this.notify()`, `this.#notify()`) and
 * methods of same-module object literals and class instances (`service.notify()`). A call inside
 * a nested callback also counts for every enclosing function, so `setTimeout(() => notify())`
 * in a handler reaches `notify`.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { ScopeType } from '@typescript-eslint/scope-manager';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { FunctionNode } from './types.js';
import { memberFunction } from './member-function.js';
import { functionOfVariable, isFunction } from '../ast/resolve-function.js';
import { unwrap } from '../ast/unwrap.js';
import { walk } from '../ast/walk.js';

/** One call: the function called and its name in reach chains (`notify`, `Mailer.send`). */
export interface CallEdge {
  readonly callee: FunctionNode;
  readonly name: string;
}

/** Caller → callees. */
export type CallEdges = Map<FunctionNode, CallEdge[]>;

/**
 * Candidate variables: every variable of the non-global scopes, and the top-level declarations
 * of the global scope (scripts). The global scope also holds hundreds of lib globals, which
 * would dominate the cost.
 */
function* moduleVariables(scopeManager: ScopeManager, ast: TSESTree.Program): Iterable<Variable> {
  for (const scope of scopeManager.scopes) {
    if (scope.type !== ScopeType.global) yield* scope.variables;
  }
  for (const statement of ast.body) {
    if (
      statement.type === AST_NODE_TYPES.FunctionDeclaration ||
      statement.type === AST_NODE_TYPES.VariableDeclaration ||
      statement.type === AST_NODE_TYPES.ClassDeclaration
    ) {
      for (const variable of scopeManager.getDeclaredVariables(statement)) if (variable.scope.type === ScopeType.global) yield variable;
    }
  }
}

function addEdge(edges: CallEdges, call: TSESTree.CallExpression, edge: CallEdge): void {
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunction(node) || node === edge.callee) continue;
    const list = edges.get(node) ?? [];
    list.push(edge);
    edges.set(node, list);
  }
}

/** `receiver.name(...)` where `member` is the callee (through `?.` and TS wrappers). */
function calledMember(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  let callee: TSESTree.Node = member;
  while (callee.parent && unwrap(callee.parent) === member) callee = callee.parent;
  const call = callee.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee ? call : undefined;
}

/**
 * Every same-module call edge. References of variables give named calls and `obj.method()`;
 * `this.method()` has no variable, so the bodies of classes and object literals are walked when
 * the text has a `this` member at all (`text` undefined: always).
 */
export function callEdges(scopeManager: ScopeManager, ast: TSESTree.Program, text: string | undefined): CallEdges {
  const edges: CallEdges = new Map();
  for (const variable of moduleVariables(scopeManager, ast)) {
    const named = functionOfVariable(variable);
    for (const reference of variable.references) {
      const id = reference.identifier;
      const parent = id.parent as TSESTree.Node | undefined;
      if (named && parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === id) {
        addEdge(edges, parent, { callee: named, name: variable.name });
      } else if (!named && parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
        const call = calledMember(parent);
        const target = call && memberFunction(scopeManager, parent);
        if (call && target) addEdge(edges, call, { callee: target.fn, name: target.name });
      }
    }
  }
  if (text !== undefined && !/\bthis\s*\??\.\s*#?[\w$]/.test(text)) return edges;
  walk(ast, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || unwrap(node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const call = calledMember(node);
    const target = call && memberFunction(scopeManager, node);
    if (call && target) addEdge(edges, call, { callee: target.fn, name: target.name });
    return undefined;
  });
  return edges;
}
