/**
 * Module-level imports by local name, for the syntactic module facts (no scope manager). Each
 * form binds what `src/modules/import-forms.ts` says: `const x = require('m')` is the whole
 * module (`*`), as `import * as x` and `import x = require('m')` are.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { importedName, moduleString, requiredSpecifier, WHOLE_MODULE } from '../../modules/import-forms.js';

export { requiredSpecifier };

/** Where a local name comes from: `name` is `default`, `*` (the whole module) or a named export. */
export interface LocalImport {
  readonly specifier: string;
  readonly name: string;
}

/** Reads the top-level `import` declarations, `import x = require('m')` and `const x = require('m')` / `const { a } = require('m')` / `const x = require('m').a`. */
export function localImports(program: TSESTree.Program): Map<string, LocalImport> {
  const imports = new Map<string, LocalImport>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      const specifier = statement.source.value;
      for (const item of statement.specifiers) imports.set(item.local.name, { specifier, name: importedName(item) });
    } else if (
      statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
      statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
    ) {
      const specifier = moduleString(statement.moduleReference.expression);
      if (specifier !== undefined) imports.set(statement.id.name, { specifier, name: WHOLE_MODULE });
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
        if (declarator.id.type === AST_NODE_TYPES.Identifier) imports.set(declarator.id.name, { specifier, name: member ?? WHOLE_MODULE });
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
