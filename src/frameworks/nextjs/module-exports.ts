/** The values a module exports by name, as written in the module itself (re-exports excluded). */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** One export of the module: its public name, the expression or declaration behind it, and the export statement. */
export interface ModuleExport {
  /** The exported name; `default` for the default export. */
  readonly name: string;
  /** The declaration or expression exported (a local identifier for `export { a as b }`). */
  readonly value: TSESTree.Node;
  /** The export declaration or specifier, used as the route's registration node. */
  readonly registration: TSESTree.Node;
}

/**
 * Every export of `program` whose value lives in this module, in source order. `export ... from`
 * re-exports and destructured exports (`export const { GET } = handlers`) are skipped: their
 * function is in another module.
 */
export function moduleExports(program: TSESTree.Program): ModuleExport[] {
  const found: ModuleExport[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      found.push({ name: 'default', value: statement.declaration, registration: statement });
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.source == null) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id !== null) {
        found.push({ name: declaration.id.name, value: declaration, registration: statement });
      } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init !== null) {
            found.push({ name: declarator.id.name, value: declarator.init, registration: statement });
          }
        }
      }
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
        found.push({ name: exported, value: specifier.local, registration: specifier });
      }
    }
  }
  return found;
}
