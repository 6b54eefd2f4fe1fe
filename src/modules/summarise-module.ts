import type * as TS from 'typescript';
import { ts } from './typescript.js';
import { moduleBindings } from './module-bindings.js';
import type { ModuleSource } from './module-source.js';
import { sourceOfText } from './module-source.js';
import { resolveModule } from './resolve-module.js';
import { ValueSummariser } from './summarise-value.js';
import { hasModifier, textOf } from './ts-nodes.js';
import type { ModuleSummary, ValueSummary } from './types.js';

/**
 * Parses one module's source (no type information) and summarises its exports: ESM exports and
 * default exports, `export =`, CommonJS `module.exports = ...` / `exports.x = ...`, re-exports of
 * other project modules (kept as references, resolved lazily by `lookupImport`). A source that
 * cannot export anything is not parsed (see {@link mayExport}). Throws when the source does not
 * parse; `moduleSummaryOf` turns that into "unknown". The summary holds no syntax node.
 */
export function summariseModule(file: string, text: string): ModuleSummary {
  return summariseSource(sourceOfText(file, text));
}

/** {@link summariseModule} of one version of a module, parsing through its shared tree. */
export function summariseSource(module: ModuleSource): ModuleSummary {
  const { file } = module;
  const exports = new Map<string, ValueSummary>();
  const starFrom: string[] = [];
  if (!mayExport(module.text)) return { file, exports, starFrom };
  const source = module.parse();
  const resolve = (specifier: string): string | undefined => resolveModule(file, specifier);
  const values = new ValueSummariser(moduleBindings(source), resolve, source);
  const set = (name: string, value: ValueSummary | undefined): void => {
    if (value) exports.set(name, value);
  };
  const aliases = exportsAliases(source.statements);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (clause === undefined || ts.isNamespaceExport(clause)) {
        const target = from === undefined ? undefined : resolve(from);
        if (target !== undefined && clause) set(clause.name.text, { kind: 'reexport', file: target, name: '*' });
        else if (target !== undefined) starFrom.push(target);
        continue;
      }
      for (const element of clause.elements) {
        if (element.isTypeOnly) continue;
        const local = textOf(element.propertyName) ?? element.name.text;
        if (from === undefined) set(element.name.text, values.bindingValue(local));
        else set(element.name.text, reexport(resolve(from), local));
      }
    } else if (ts.isExportAssignment(statement)) {
      // `export default x` and `export = x`.
      set('default', values.valueOf(statement.expression));
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) set('default', values.valueOf(statement));
      else for (const [name, node] of declared(statement)) set(name, values.valueOf(node));
    } else if (ts.isExpressionStatement(statement)) {
      const target = commonJsTarget(statement.expression, aliases);
      if (target !== undefined) set(target.name, values.valueOf(target.value));
    }
  }
  return { file, exports, starFrom };
}

/**
 * False only when `text` cannot export anything, so the parse can be skipped: every export form
 * the summary reads spells `export` (`export ...`, `export =`, `module.exports`, `exports.x`),
 * except an identifier written with a unicode escape (`\u0065xports`), hence the second check.
 */
export function mayExport(text: string): boolean {
  return text.includes('export') || text.includes('\\u');
}

function reexport(file: string | undefined, name: string): ValueSummary | undefined {
  return file === undefined ? undefined : { kind: 'reexport', file, name };
}

/** Names and value nodes an exported declaration introduces (`const` only: a `let` may change). */
function declared(statement: TS.Statement): [string, TS.Node][] {
  if (ts.isFunctionDeclaration(statement)) return statement.name && statement.body ? [[statement.name.text, statement]] : [];
  if (ts.isClassDeclaration(statement)) return statement.name ? [[statement.name.text, statement]] : [];
  if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.BlockScoped) !== ts.NodeFlags.Const) return [];
  return statement.declarationList.declarations.flatMap((d): [string, TS.Node][] =>
    ts.isIdentifier(d.name) && d.initializer ? [[d.name.text, d.initializer]] : [],
  );
}

/** Top-level `const helpers = module.exports` (or `= exports`): names whose members are exports (NodeBB's idiom). */
function exportsAliases(statements: readonly TS.Statement[]): ReadonlySet<string> {
  const aliases = new Set<string>();
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (ts.isIdentifier(declaration.name) && init && (isModuleExports(init) || (ts.isIdentifier(init) && init.text === 'exports')))
        aliases.add(declaration.name.text);
    }
  }
  return aliases;
}

/** `module.exports = x` → `default`; `exports.a = x` / `module.exports.a = x` / `alias.a = x` → `a`. */
function commonJsTarget(expression: TS.Expression, aliases: ReadonlySet<string>): { name: string; value: TS.Expression } | undefined {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = expression.left;
  if (!ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.name)) return undefined;
  if (isModuleExports(left)) return { name: 'default', value: expression.right };
  const object = left.expression;
  if ((ts.isIdentifier(object) && (object.text === 'exports' || aliases.has(object.text))) || isModuleExports(object))
    return { name: left.name.text, value: expression.right };
  return undefined;
}

function isModuleExports(node: TS.Node): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'module' &&
    ts.isIdentifier(node.name) &&
    node.name.text === 'exports'
  );
}
