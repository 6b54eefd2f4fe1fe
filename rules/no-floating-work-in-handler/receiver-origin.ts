import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/handlers/member-name.js';
import { unwrap } from '../../src/handlers/unwrap.js';
import type { ImportSource } from '../../src/handlers/types.js';
import type { FileContext } from './file-context.js';
import { sourceOf, variableOf } from './file-context.js';

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
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(file, receiver)?.defs[0];
    if (!def) return undefined;
    if (def.type === DefinitionType.Variable) return originOf(def.node.init, def.node.id.typeAnnotation, file);
    if (def.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier)
      return originOf(null, def.name.typeAnnotation, file);
    return undefined;
  }
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || unwrap(receiver.object).type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  const name = memberName(receiver);
  let classBody: TSESTree.Node | undefined = receiver.parent;
  while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
  if (!classBody || name === undefined) return undefined;
  for (const member of classBody.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name
    ) {
      return originOf(member.value, member.typeAnnotation, file);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : undefined;
        if (target?.type === AST_NODE_TYPES.Identifier && target.name === name) return originOf(null, target.typeAnnotation, file);
      }
    }
  }
  return undefined;
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
