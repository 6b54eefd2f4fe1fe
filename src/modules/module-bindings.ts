import type * as TS from 'typescript';
import { ts } from './typescript.js';
import { requiredModule, textOf, withoutNodePrefix } from './ts-nodes.js';

/** What a top-level name of a module read from disk is bound to. */
export type ModuleBinding =
  | { readonly kind: 'value'; readonly node: TS.Node }
  | {
      readonly kind: 'import';
      /** Specifier as written, `node:` prefix removed. */
      readonly module: string;
      /** `default`, `*` (namespace or whole `require()`), or an export name. */
      readonly name: string;
    };

/**
 * The top-level bindings of a module a summary may rely on: function (with a body) and class
 * declarations, `const` initialisers (a `let` may be reassigned, so it proves nothing), ESM
 * imports and `require()` calls (`const x = require('m')`, `const { a } = require('m')`).
 */
export function moduleBindings(source: TS.SourceFile): Map<string, ModuleBinding> {
  const bindings = new Map<string, ModuleBinding>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      // A body-less declaration is an overload signature or `declare function`: the implementation proves.
      if (statement.name && statement.body) bindings.set(statement.name.text, { kind: 'value', node: statement });
    } else if (ts.isClassDeclaration(statement)) {
      if (statement.name) bindings.set(statement.name.text, { kind: 'value', node: statement });
    } else if (ts.isVariableStatement(statement)) {
      const isConst = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.Const;
      for (const declaration of statement.declarationList.declarations) addDeclaration(bindings, declaration, isConst);
    } else if (ts.isImportDeclaration(statement)) {
      addImport(bindings, statement);
    }
  }
  return bindings;
}

function addImport(bindings: Map<string, ModuleBinding>, statement: TS.ImportDeclaration): void {
  const clause = statement.importClause;
  if (!clause || isTypeOnlyImport(clause) || !ts.isStringLiteral(statement.moduleSpecifier)) return;
  const module = withoutNodePrefix(statement.moduleSpecifier.text);
  if (clause.name) bindings.set(clause.name.text, { kind: 'import', module, name: 'default' });
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { kind: 'import', module, name: '*' });
  if (named && ts.isNamedImports(named)) {
    for (const element of named.elements) {
      bindings.set(element.name.text, { kind: 'import', module, name: textOf(element.propertyName) ?? element.name.text });
    }
  }
}

/** `import type ...`: TypeScript 5.9 moved the flag to `phaseModifier`; earlier versions only have `isTypeOnly`. */
function isTypeOnlyImport(clause: TS.ImportClause): boolean {
  const legacy = clause as { readonly isTypeOnly?: boolean };
  return clause.phaseModifier === ts.SyntaxKind.TypeKeyword || legacy.isTypeOnly === true;
}

function addDeclaration(bindings: Map<string, ModuleBinding>, declaration: TS.VariableDeclaration, isConst: boolean): void {
  const init = declaration.initializer;
  if (!init) return;
  const required = requiredModule(init);
  const name = declaration.name;
  if (required !== undefined) {
    if (ts.isIdentifier(name)) bindings.set(name.text, { kind: 'import', module: required, name: '*' });
    if (!ts.isObjectBindingPattern(name)) return;
    for (const element of name.elements) {
      // `{ a }` and `{ a: b }` only: a default (`{ a = 1 }`), a rest or a computed key proves nothing.
      if (element.dotDotDotToken || element.initializer || !ts.isIdentifier(element.name)) continue;
      const key = element.propertyName ?? element.name;
      if (ts.isIdentifier(key)) bindings.set(element.name.text, { kind: 'import', module: required, name: key.text });
    }
    return;
  }
  if (isConst && ts.isIdentifier(name)) bindings.set(name.text, { kind: 'value', node: init });
}
