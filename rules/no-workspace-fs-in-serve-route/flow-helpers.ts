/** Small syntax helpers of the backwards path flow (workspace-flow.ts). */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import { variableOf } from '../../src/ast/variable-of.js';
import type { FunctionNode } from '../../src/handlers/types.js';
import { isLocalDisk } from './verdict.js';
import type { Verdict } from './verdict.js';

export function isLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateElement;
}

export function either(a: Verdict, b: Verdict): Verdict {
  if (a?.kind === 'workspace') return a;
  if (b?.kind === 'workspace') return b;
  if (isLocalDisk(a)) return a;
  if (isLocalDisk(b)) return b;
  return a ?? b;
}

export function flattenPlus(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
    return [...flattenPlus(node.left), ...flattenPlus(node.right)];
  return [node];
}

/** The property keys leading from a destructuring pattern's root to `name`, if all are plain keys. */
export function keyPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | undefined {
  if (pattern === name) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return keyPath(pattern.left, name);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.range[0] > name.range[0] || property.range[1] < name.range[1]) continue;
    const key =
      !property.computed && property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    const rest = key === undefined ? undefined : keyPath(property.value, name);
    return rest && key !== undefined ? [key, ...rest] : undefined;
  }
  return undefined;
}

/** The variable naming a same-module function (`function f` or `const f = () => {}`). */
export function functionVariable(scopeManager: ScopeManager, fn: FunctionNode): Variable | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return variableOf(scopeManager, fn.id);
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier)
    return variableOf(scopeManager, parent.id);
  return undefined;
}
