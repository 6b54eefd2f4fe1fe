import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

/** What a top-level name of a summarised module is bound to. */
export type Binding =
  | { readonly kind: 'value'; readonly node: TSESTree.Node }
  | {
      readonly kind: 'import';
      /** Specifier as written, `node:` prefix removed. */
      readonly module: string;
      /** `default`, `*` (namespace or whole `require()`), or an export name. */
      readonly name: string;
    };

/**
 * The top-level bindings of a module a summary may rely on: function and class declarations,
 * `const` initialisers (a `let` may be reassigned, so it proves nothing), ESM imports and
 * `require()` calls (`const x = require('m')`, `const { a } = require('m')`).
 */
export function topLevelBindings(program: TSESTree.Program): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const statement of program.body) {
    const declaration =
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) && statement.declaration
        ? statement.declaration
        : statement;
    switch (declaration.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassDeclaration:
        if (declaration.id) bindings.set(declaration.id.name, { kind: 'value', node: declaration });
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of declaration.declarations) addDeclarator(bindings, declarator, declaration.kind === 'const');
        break;
      case AST_NODE_TYPES.ImportDeclaration:
        if (declaration.importKind === 'type') break;
        for (const specifier of declaration.specifiers) {
          bindings.set(specifier.local.name, { kind: 'import', module: normalise(declaration.source.value), name: importedName(specifier) });
        }
        break;
      default:
        break;
    }
  }
  return bindings;
}

function addDeclarator(bindings: Map<string, Binding>, declarator: TSESTree.VariableDeclarator, isConst: boolean): void {
  const init = declarator.init;
  if (!init) return;
  const required = requiredModule(init);
  if (required !== undefined) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier) bindings.set(declarator.id.name, { kind: 'import', module: required, name: '*' });
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      if (property.value.type === AST_NODE_TYPES.Identifier) bindings.set(property.value.name, { kind: 'import', module: required, name: property.key.name });
    }
    return;
  }
  if (isConst && declarator.id.type === AST_NODE_TYPES.Identifier) bindings.set(declarator.id.name, { kind: 'value', node: init });
}

/** `require('m')` → `m`. */
export function requiredModule(node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? normalise(argument.value) : undefined;
}

function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'default';
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return '*';
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function normalise(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}
