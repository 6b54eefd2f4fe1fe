import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { unwrap } from '../ast/unwrap.js';
import { variableOf } from '../ast/variable-of.js';

/** The object literal a node is, or a `const` in the same module initialised with one. */
export function objectLiteral(node: TSESTree.Node | undefined, scopeManager: ScopeManager): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.ObjectExpression) return target;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(scopeManager, target);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  return init.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

/** The value of the statically named property `name` (`{ name: v }`, `{ name }`, `{ name() {} }`). */
export function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.key;
    const matches = property.computed
      ? key.type === AST_NODE_TYPES.Literal && key.value === name
      : (key.type === AST_NODE_TYPES.Identifier && key.name === name) || (key.type === AST_NODE_TYPES.Literal && key.value === name);
    if (matches) return property.value;
  }
  return undefined;
}
