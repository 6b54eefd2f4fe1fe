import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import { parentOf } from './parent-of.js';

/** The variable an identifier refers to (or declares), resolved from its innermost scope outwards. */
export function variableOf(scopeManager: ScopeManager, identifier: TSESTree.Identifier): Variable | undefined {
  let node: TSESTree.Node | undefined = identifier;
  let scope: Scope | null = null;
  while (node && !scope) {
    scope = scopeManager.acquire(node, true);
    node = parentOf(node);
  }
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(identifier.name);
    if (variable) return variable;
  }
  return undefined;
}
