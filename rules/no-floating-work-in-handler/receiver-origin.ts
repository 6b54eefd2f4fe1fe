import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../src/ast/unwrap.js';
import type { ImportSource } from '../../src/handlers/types.js';
import type { FileContext } from './file-context.js';
import { sourceOf } from './file-context.js';
import { receiverDeclaration } from './receiver-declaration.js';

/**
 * The import a receiver was made from: `new Queue()` / `await makeWorkerUtils()` initialisers,
 * `queue: Queue` annotations on variables, parameters and class members (`this.queue`), and
 * without types, a queue instance exported by a project module.
 */
export function receiverOrigin(receiver: TSESTree.Node, file: FileContext): ImportSource | undefined {
  const imported = file.importedValue?.(receiver);
  if (imported?.kind === 'instance') {
    // `boss` exported by a project module as `new PgBoss(...)`: the package class it was built from.
    const [name = 'default', ...members] = imported.of.path;
    return { module: imported.of.module, name, members };
  }
  const declaration = receiverDeclaration(receiver, file);
  return declaration ? originOf(declaration.init, declaration.annotation, file) : undefined;
}

function originOf(
  init: TSESTree.Expression | null,
  annotation: TSESTree.TSTypeAnnotation | undefined,
  file: FileContext,
): ImportSource | undefined {
  const value = init ? unwrap(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init) : undefined;
  if (value && (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression)) {
    const source = sourceOf(file, value.callee);
    if (source) return source;
  }
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference ? sourceOf(file, type.typeName) : undefined;
}
