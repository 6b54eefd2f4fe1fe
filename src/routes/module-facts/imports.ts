/** Module-level imports by local name, for the syntactic module facts (no scope manager). */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** Where a local name comes from: `name` is `default`, `*` or a named export. */
export interface LocalImport {
  readonly specifier: string;
  readonly name: string;
}

/** `require('x')` / `import('x')` with a literal argument: the specifier. */
export function requiredSpecifier(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.AwaitExpression) return requiredSpecifier(node.argument);
  if (node?.type === AST_NODE_TYPES.ImportExpression)
    return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string' ? node.source.value : undefined;
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'require')
    return undefined;
  const [first] = node.arguments;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
}

/** Reads the top-level `import` declarations and `const x = require('m')` / `const { a } = require('m')`. */
export function localImports(program: TSESTree.Program): Map<string, LocalImport> {
  const imports = new Map<string, LocalImport>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const specifier = statement.source.value;
      for (const item of statement.specifiers) {
        const name =
          item.type === AST_NODE_TYPES.ImportDefaultSpecifier
            ? 'default'
            : item.type === AST_NODE_TYPES.ImportNamespaceSpecifier
              ? '*'
              : item.imported.type === AST_NODE_TYPES.Identifier
                ? item.imported.name
                : item.imported.value;
        imports.set(item.local.name, { specifier, name });
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        let init = declarator.init;
        let member: string | undefined;
        if (init?.type === AST_NODE_TYPES.MemberExpression && !init.computed && init.property.type === AST_NODE_TYPES.Identifier) {
          member = init.property.name;
          init = init.object;
        }
        const specifier = requiredSpecifier(init ?? undefined);
        if (specifier === undefined) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) imports.set(declarator.id.name, { specifier, name: member ?? 'default' });
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && member === undefined) {
          for (const property of declarator.id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.value.type === AST_NODE_TYPES.Identifier
            ) {
              imports.set(property.value.name, { specifier, name: property.key.name });
            }
          }
        }
      }
    }
  }
  return imports;
}
