import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { FunctionNode } from './function-node.js';
import { unwrap } from './unwrap.js';
import { variableOf } from './variable-of.js';

/** True for the three function node types. */
export function isFunction(node: TSESTree.Node | undefined | null): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/**
 * The same-module function a variable is bound to for its whole life: a function declaration,
 * or a `const` (or never reassigned `let`/`var`) initialised with a function expression.
 */
export function functionOfVariable(variable: Variable | undefined): FunctionNode | undefined {
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  // A parameter's definition node is the function that declares it: only the function's own name is the function.
  if (def.type === DefinitionType.FunctionName && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  if (!isFunction(init)) return undefined;
  const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
  return reassigned ? undefined : init;
}

/** The same-module function an identifier names, if it is bound to one for its whole life. */
export function resolveFunction(scopeManager: ScopeManager, node: TSESTree.Node): FunctionNode | undefined {
  const target = unwrap(node);
  if (isFunction(target)) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  return functionOfVariable(variableOf(scopeManager, target));
}
