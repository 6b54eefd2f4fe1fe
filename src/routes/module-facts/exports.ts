/** The exports of a module by unit: ESM `export` forms and CommonJS `module.exports` / `exports.x`. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../ast/unwrap.js';
import { functionUnit, isFunctionNode, unitOfExpression } from './units.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The unit an exported expression stands for: a name, a function, or a function inside a wrapper call (`fp(fn)`). */
export function unitOfExported(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  // A name is its variable's unit (`createApp>plugin` for `fp(plugin)` inside `createApp`), as `functionUnit` names the function.
  if (target.type === AST_NODE_TYPES.Identifier) return unitOfExpression(target) ?? target.name;
  if (isFunctionNode(target)) return functionUnit(target);
  if (target.type === AST_NODE_TYPES.CallExpression && target.callee.type !== AST_NODE_TYPES.MemberExpression) {
    const inner = target.arguments.find((arg) => isFunctionNode(arg) || arg.type === AST_NODE_TYPES.Identifier);
    return inner ? unitOfExported(inner) : undefined;
  }
  return undefined;
}

function commonJsExport(left: TSESTree.Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression || left.computed || left.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const { object, property } = left;
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && property.name === 'exports') return 'default';
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return property.name;
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    !object.computed &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === 'module' &&
    object.property.type === AST_NODE_TYPES.Identifier &&
    object.property.name === 'exports'
  ) {
    return property.name;
  }
  return undefined;
}

/** Fills `exports`, `reexports` and `starExports` from the top-level statements. */
export function readExports(
  program: TSESTree.Program,
  exports: Map<string, string>,
  reexports: Map<string, { specifier: string; name: string }>,
  starExports: string[],
): void {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const unit =
        statement.declaration.type === AST_NODE_TYPES.ClassDeclaration
          ? statement.declaration.id?.name
          : unitOfExported(statement.declaration);
      exports.set('default', unit ?? '#default');
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const { declaration } = statement;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier) exports.set(d.id.name, d.id.name);
      } else if (
        (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) &&
        declaration.id
      ) {
        exports.set(declaration.id.name, declaration.id.name);
      }
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === AST_NODE_TYPES.Identifier ? specifier.local.name : specifier.local.value;
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        if (statement.source) reexports.set(exported, { specifier: statement.source.value, name: local });
        else exports.set(exported, local);
      }
    } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration && statement.exported === null) {
      starExports.push(statement.source.value);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const name = commonJsExport(statement.expression.left);
      const right = unwrap(statement.expression.right);
      if (name === 'default' && right.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of right.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
          const unit = unitOfExported(property.value);
          if (unit !== undefined) exports.set(property.key.name, unit);
        }
      } else if (name !== undefined) {
        const unit = unitOfExported(right);
        if (unit !== undefined) exports.set(name, unit);
      }
    }
  }
}
