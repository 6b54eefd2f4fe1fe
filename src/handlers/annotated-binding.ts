import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './types.js';
import { isFunction } from '../ast/resolve-function.js';
import { parentOf } from '../ast/parent-of.js';

/** What a type annotation is attached to. */
export type AnnotatedBinding =
  | { readonly type: 'param'; readonly fn: FunctionNode; readonly index: number }
  | { readonly type: 'variable'; readonly declarator: TSESTree.VariableDeclarator }
  | { readonly type: 'member'; readonly classNode: TSESTree.Node; readonly name: string };

/**
 * The binding a type reference annotates, for `typeName` in `(app: Express)`,
 * `const plugin: FastifyPluginAsync = ...`, `private app: Express` or `constructor(private app: Express)`.
 * Generic arguments and unions are not followed.
 */
export function annotatedBinding(typeName: TSESTree.Node): AnnotatedBinding | undefined {
  const reference = parentOf(typeName);
  if (reference?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const annotation = parentOf(reference);
  if (annotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) return undefined;
  const target = parentOf(annotation);
  if (target?.type === AST_NODE_TYPES.PropertyDefinition && target.key.type === AST_NODE_TYPES.Identifier) {
    return { type: 'member', classNode: target.parent.parent, name: target.key.name };
  }
  if (target?.type !== AST_NODE_TYPES.Identifier) return undefined;
  let param: TSESTree.Node = target;
  let holder = parentOf(target);
  if (holder?.type === AST_NODE_TYPES.AssignmentPattern && holder.left === target) {
    param = holder;
    holder = parentOf(holder);
  }
  if (holder?.type === AST_NODE_TYPES.TSParameterProperty) {
    param = holder;
    holder = parentOf(holder);
  }
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id === target) return { type: 'variable', declarator: holder };
  if (isFunction(holder)) {
    const index = (holder.params as readonly TSESTree.Node[]).indexOf(param);
    if (index >= 0) return { type: 'param', fn: holder, index };
  }
  return undefined;
}
