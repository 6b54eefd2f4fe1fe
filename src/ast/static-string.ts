import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { unwrap } from './unwrap.js';
import { variableOf } from './variable-of.js';

/**
 * The string a node statically holds: a string literal, a template without substitutions, or a
 * `const` in the same module initialised with one. `undefined` when not statically known.
 */
export function staticString(node: TSESTree.Node | undefined, scopeManager: ScopeManager, depth = 0): string | undefined {
  if (!node || depth > 3) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string' ? target.value : undefined;
  if (target.type === AST_NODE_TYPES.TemplateLiteral)
    return target.expressions.length === 0 ? (target.quasis[0]?.value.cooked ?? undefined) : undefined;
  if (target.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = variableOf(scopeManager, target);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (def.node.parent.kind !== 'const') return undefined;
  return staticString(def.node.init ?? undefined, scopeManager, depth + 1);
}
