/**
 * What each import form binds, in one place, for every reader of imports (the handler model's
 * import index in `src/handlers/imports.ts`, the route module facts in
 * `src/routes/module-facts/imports.ts`, and, on TypeScript's own tree, the module summaries in
 * `src/modules/module-bindings.ts`):
 *
 * | form | binds |
 * |---|---|
 * | `import x from 'm'` | `default` |
 * | `import * as x from 'm'`, `import x = require('m')`, `const x = require('m')`, `const x = await import('m')` | `*`, the whole module |
 * | `import { a as x } from 'm'`, `const { a: x } = require('m')`, `const x = require('m').a` | `a` |
 *
 * The whole module of a CommonJS file is its `module.exports`; the route facts record
 * `module.exports = value` as the module's `default` export, so a whole module used as a value
 * (`app.use(require('./routes'))`) is read as that export. Specifiers lose a `node:` prefix.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The name a whole-module binding carries. */
export const WHOLE_MODULE = '*';

/** `node:fs` and `fs` are one module. */
export function withoutNodePrefix(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** The export an ESM import specifier binds: `default`, `*` or the imported name. */
export function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'default';
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return WHOLE_MODULE;
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/** A string literal or a template literal without expressions: its value. */
export function moduleString(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `require('m')`, `import('m')`, `await import('m')` with a literal argument: the specifier as written. */
export function requiredSpecifier(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.AwaitExpression) return requiredSpecifier(node.argument);
  if (node?.type === AST_NODE_TYPES.ImportExpression) return moduleString(node.source);
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require')
    return undefined;
  return node.arguments.length === 1 ? moduleString(node.arguments[0]) : undefined;
}
