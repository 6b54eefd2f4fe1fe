import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './function-node.js';
import { parentOf } from './parent-of.js';

/** The name a function is known by: its own name, the variable, property or method it is bound to. */
export function functionName(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  let parent = parentOf(node);
  // One wrapper call deep: `const timing = createMiddleware(async (c, next) => ...)`; never the
  // last call of a registration chain (`const users = new Elysia().get('/:id', (ctx) => ...)`).
  if (parent?.type === AST_NODE_TYPES.CallExpression && (parent.arguments as readonly TSESTree.Node[]).includes(node)) {
    parent = isChainedCall(parent) ? undefined : parentOf(parent);
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent?.type === AST_NODE_TYPES.Property ||
      parent?.type === AST_NODE_TYPES.MethodDefinition ||
      parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  return undefined;
}

/** `x.a().b(...)`, `new X().b(...)`: a method called on the result of another call. */
function isChainedCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = callee.object;
  return object.type === AST_NODE_TYPES.CallExpression || object.type === AST_NODE_TYPES.NewExpression;
}
