import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './types.js';
import { parentOf } from './parent-of.js';

/** The name a function is known by: its own name, the variable, property or method it is bound to. */
export function functionName(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  let parent = parentOf(node);
  // One wrapper call deep: `const timing = createMiddleware(async (c, next) => ...)`.
  if (parent?.type === AST_NODE_TYPES.CallExpression && (parent.arguments as readonly TSESTree.Node[]).includes(node)) parent = parentOf(parent);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name;
  }
  return undefined;
}
