import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/handlers/member-name.js';
import { unwrap } from '../../src/handlers/unwrap.js';
import type { ValueSummary } from '../../src/modules/types.js';
import type { FileContext } from './file-context.js';
import { variableOf } from './file-context.js';

/**
 * Without types, the instance methods of the project class a receiver holds: `this.mailer` of a
 * NestJS-style injected `private readonly mailer: MailerService`, a parameter `mailer:
 * MailerService`, or `const mailer = new MailerService()`, where `MailerService` is imported from
 * a project module whose source shows its methods.
 */
export function receiverClassMethods(receiver: TSESTree.Node, file: FileContext): ReadonlyMap<string, ValueSummary> | undefined {
  const lookup = file.importedValue;
  if (!lookup) return undefined;
  const origin = classReference(unwrap(receiver), file);
  const value = origin ? lookup(origin) : undefined;
  return value?.kind === 'class' ? value.instance : undefined;
}

/** The expression naming the receiver's class: a type annotation's name or a `new` callee. */
function classReference(receiver: TSESTree.Node, file: FileContext): TSESTree.Node | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(file, receiver)?.defs[0];
    if (def?.type === DefinitionType.Variable) {
      const init = def.node.init ? unwrap(def.node.init) : undefined;
      if (init?.type === AST_NODE_TYPES.NewExpression) return init.callee;
      return typeName(def.node.id.typeAnnotation);
    }
    if (def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) return typeName(def.name.typeAnnotation);
    return undefined;
  }
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || unwrap(receiver.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
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
      const init = member.value ? unwrap(member.value) : undefined;
      return init?.type === AST_NODE_TYPES.NewExpression ? init.callee : typeName(member.typeAnnotation);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : undefined;
        if (target?.type === AST_NODE_TYPES.Identifier && target.name === name) return typeName(target.typeAnnotation);
      }
    }
  }
  return undefined;
}

function typeName(annotation: TSESTree.TSTypeAnnotation | undefined): TSESTree.Node | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && !type.typeArguments ? type.typeName : undefined;
}
