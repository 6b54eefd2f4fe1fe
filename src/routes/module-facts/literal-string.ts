import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * A string a node statically holds: a literal, a template without substitutions, a module-level
 * string `const` (from `constants`), or a `+` / template of those. `undefined` otherwise.
 */
export function literalString(node: TSESTree.Node | undefined, constants: ReadonlyMap<string, string>): string | undefined {
  if (node === undefined) return undefined;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Literal) return typeof target.value === 'string' ? target.value : undefined;
  if (target.type === AST_NODE_TYPES.Identifier) return constants.get(target.name);
  if (target.type === AST_NODE_TYPES.TemplateLiteral) {
    let text = target.quasis[0]?.value.cooked ?? '';
    for (const [i, expression] of target.expressions.entries()) {
      const value = literalString(expression, constants);
      if (value === undefined) return undefined;
      text += value + (target.quasis[i + 1]?.value.cooked ?? '');
    }
    return text;
  }
  if (target.type === AST_NODE_TYPES.BinaryExpression && target.operator === '+') {
    const left = literalString(target.left, constants);
    const right = literalString(target.right, constants);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** Module-level `const NAME = '<string>'` declarations (in order, so later ones can use earlier ones). */
export function stringConstants(program: TSESTree.Program): Map<string, string> {
  const constants = new Map<string, string>();
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const d of declaration.declarations) {
      if (d.id.type !== AST_NODE_TYPES.Identifier || !d.init) continue;
      const value = literalString(d.init, constants);
      if (value !== undefined) constants.set(d.id.name, value);
    }
  }
  return constants;
}
