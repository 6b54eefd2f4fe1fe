/**
 * Follows an expression to the function literal that runs when it is called: through
 * same-module `const` aliases and function declarations, TypeScript-only wrappers (`as`,
 * `satisfies`, `!`) and, when asked, through wrapper calls (`withAuth(handler)`).
 */
import { DefinitionType } from '@typescript-eslint/scope-manager';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../handlers/types.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** How far `functionValue` may follow aliases and wrappers; deeper chains are not real code. */
const MAX_DEPTH = 8;

const variablesByManager = new WeakMap<ScopeManager, Map<TSESTree.Node, Variable | null>>();

/** The variable an identifier reference resolves to, or `undefined` for globals / imports' absent bindings. */
export function referencedVariable(identifier: TSESTree.Identifier, scopeManager: ScopeManager): Variable | undefined {
  let variables = variablesByManager.get(scopeManager);
  if (variables === undefined) {
    // The AST has no parent links, so index every reference once per file instead of walking up.
    variables = new Map();
    for (const scope of scopeManager.scopes) {
      for (const reference of scope.references) variables.set(reference.identifier, reference.resolved);
    }
    variablesByManager.set(scopeManager, variables);
  }
  return variables.get(identifier) ?? undefined;
}

/** The single value a `const`-like binding or function declaration holds, if the module shows it. */
export function bindingValue(identifier: TSESTree.Identifier, scopeManager: ScopeManager): TSESTree.Node | undefined {
  const variable = referencedVariable(identifier, scopeManager);
  // A binding defined or assigned more than once has no single static value.
  if (variable === undefined || variable.defs.length !== 1) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length > 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type === DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier)
    return def.node.init ?? undefined;
  return undefined;
}

/** Options of `functionValue`. */
export interface ResolveOptions {
  /**
   * Look inside call expressions for a function argument (`withAuth(async (req) => ...)`),
   * taking the first argument that resolves to a function. Default `true`.
   */
  readonly unwrapCalls?: boolean;
}

/** The function literal `node` evaluates to, or `undefined` when it is not statically visible. */
export function functionValue(
  node: TSESTree.Node | null | undefined,
  scopeManager: ScopeManager,
  options: ResolveOptions = {},
  depth = 0,
): FunctionNode | undefined {
  if (node == null || depth > MAX_DEPTH) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
      return node;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return functionValue(node.expression, scopeManager, options, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return functionValue(bindingValue(node, scopeManager), scopeManager, options, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      if (options.unwrapCalls === false) return undefined;
      for (const argument of node.arguments) {
        const found = functionValue(argument, scopeManager, options, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
