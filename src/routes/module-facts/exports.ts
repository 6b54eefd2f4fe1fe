/** The exports of a module by unit: ESM `export` forms and CommonJS `module.exports` / `exports.x`. */
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../handlers/unwrap.js';
import { functionUnit, isFunctionNode } from './units.js';

/** The unit an exported expression stands for: a name, a function, or a function inside a wrapper call (`fp(fn)`). */
export function unitOfExported(node: TSESTree.Node): string | undefined {
  const target = unwrap(node);
  if (target.type === 'Identifier') return target.name;
  if (isFunctionNode(target)) return functionUnit(target);
  if (target.type === 'CallExpression' && target.callee.type !== 'MemberExpression') {
    const inner = target.arguments.find((arg) => isFunctionNode(arg) || arg.type === 'Identifier');
    return inner ? unitOfExported(inner) : undefined;
  }
  return undefined;
}

function commonJsExport(left: TSESTree.Node): string | undefined {
  if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier') return undefined;
  const { object, property } = left;
  if (object.type === 'Identifier' && object.name === 'module' && property.name === 'exports') return 'default';
  if (object.type === 'Identifier' && object.name === 'exports') return property.name;
  if (object.type === 'MemberExpression' && !object.computed && object.object.type === 'Identifier' && object.object.name === 'module' && object.property.type === 'Identifier' && object.property.name === 'exports') {
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
    if (statement.type === 'ExportDefaultDeclaration') {
      const unit = statement.declaration.type === 'ClassDeclaration' ? statement.declaration.id?.name : unitOfExported(statement.declaration);
      exports.set('default', unit ?? '#default');
    } else if (statement.type === 'ExportNamedDeclaration') {
      const { declaration } = statement;
      if (declaration?.type === 'VariableDeclaration') {
        for (const d of declaration.declarations) if (d.id.type === 'Identifier') exports.set(d.id.name, d.id.name);
      } else if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id) {
        exports.set(declaration.id.name, declaration.id.name);
      }
      for (const specifier of statement.specifiers) {
        const local = specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value;
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        if (statement.source) reexports.set(exported, { specifier: statement.source.value, name: local });
        else exports.set(exported, local);
      }
    } else if (statement.type === 'ExportAllDeclaration' && statement.exported === null) {
      starExports.push(statement.source.value);
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const name = commonJsExport(statement.expression.left);
      const right = unwrap(statement.expression.right);
      if (name === 'default' && right.type === 'ObjectExpression') {
        for (const property of right.properties) {
          if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
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
