import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Where to put a route's report, given its registration: the `app.get` of a registration call,
 * the decorator of a Nest method, the name of an exported Next.js handler; never the whole
 * handler body, which would underline the entire function in an editor.
 */
export function reportNode(registration: TSESTree.Node): TSESTree.Node {
  if (registration.type === AST_NODE_TYPES.CallExpression) return registration.callee;
  if (registration.type === AST_NODE_TYPES.ExportNamedDeclaration || registration.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    const declaration = registration.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) return declaration.id;
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) return declaration.declarations[0].id;
  }
  if (registration.type === AST_NODE_TYPES.FunctionDeclaration && registration.id) return registration.id;
  return registration;
}
