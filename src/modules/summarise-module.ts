import path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { topLevelBindings } from './bindings.js';
import { resolveProjectModule } from './resolve-module.js';
import { ValueSummariser } from './summarise-value.js';
import type { ModuleSummary, ValueSummary } from './types.js';

// `<T>x` casts only exist in `.ts`/`.mts`/`.cts`, so every other extension may hold JSX.
const NO_JSX = new Set(['.ts', '.mts', '.cts']);

/**
 * Parses one module's source (no type information) and summarises its exports: ESM exports and
 * default exports, `export =`, CommonJS `module.exports = ...` / `exports.x = ...`, re-exports of
 * other project modules (kept as references, resolved lazily by `lookupExport`). Throws when the
 * source does not parse; `moduleSummaryOf` turns that into "unknown".
 */
export function summariseModule(file: string, text: string): ModuleSummary {
  const program = parse(text, { range: true, loc: false, comment: false, tokens: false, jsx: !NO_JSX.has(path.extname(file)), filePath: file, loggerFn: false });
  const resolve = (specifier: string): string | undefined => resolveProjectModule(file, specifier);
  const values = new ValueSummariser(topLevelBindings(program), resolve);
  const exports = new Map<string, ValueSummary>();
  const starFrom: string[] = [];
  const set = (name: string, value: ValueSummary | undefined): void => {
    if (value) exports.set(name, value);
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.exportKind === 'type') break;
        if (statement.declaration) {
          for (const [name, node] of declared(statement.declaration)) set(name, values.valueOf(node));
          break;
        }
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === 'type') continue;
          const local = nameOf(specifier.local);
          const exported = nameOf(specifier.exported);
          if (!statement.source) set(exported, values.bindingValue(local));
          else set(exported, reexport(resolve(statement.source.value), local));
        }
        break;
      case AST_NODE_TYPES.ExportAllDeclaration: {
        const target = resolve(statement.source.value);
        if (target === undefined || statement.exportKind === 'type') break;
        if (statement.exported) set(nameOf(statement.exported), reexport(target, '*'));
        else starFrom.push(target);
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        set('default', values.valueOf(statement.declaration));
        break;
      case AST_NODE_TYPES.TSExportAssignment:
        set('default', values.valueOf(statement.expression));
        break;
      case AST_NODE_TYPES.ExpressionStatement: {
        const target = commonJsTarget(statement.expression);
        if (target !== undefined && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
          set(target, values.valueOf(statement.expression.right));
        }
        break;
      }
      default:
        break;
    }
  }
  return { file, exports, starFrom };
}

function reexport(file: string | undefined, name: string): ValueSummary | undefined {
  return file === undefined ? undefined : { kind: 'reexport', file, name };
}

/** Names and value nodes an exported declaration introduces (`const` only: a `let` may change). */
function declared(declaration: TSESTree.NamedExportDeclarations): [string, TSESTree.Node][] {
  switch (declaration.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
      return declaration.id ? [[declaration.id.name, declaration]] : [];
    case AST_NODE_TYPES.VariableDeclaration:
      if (declaration.kind !== 'const') return [];
      return declaration.declarations.flatMap((d): [string, TSESTree.Node][] => (d.id.type === AST_NODE_TYPES.Identifier && d.init ? [[d.id.name, d.init]] : []));
    default:
      return [];
  }
}

/** `module.exports = x` → `default`; `exports.a = x` / `module.exports.a = x` → `a`. */
function commonJsTarget(expression: TSESTree.Expression): string | undefined {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return undefined;
  const left = expression.left;
  if (left.type !== AST_NODE_TYPES.MemberExpression || left.computed || left.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (isModuleExports(left)) return 'default';
  const object = left.object;
  if ((object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || isModuleExports(object)) return left.property.name;
  return undefined;
}

function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'exports'
  );
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}
