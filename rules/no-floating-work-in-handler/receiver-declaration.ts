import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/ast/member-name.js';
import { unwrap } from '../../src/ast/unwrap.js';
import type { FileContext } from './file-context.js';
import { variableOf } from './file-context.js';

/** What declares a receiver: its initialiser (none for parameters) and its type annotation. */
export interface ReceiverDeclaration {
  readonly init: TSESTree.Expression | null;
  readonly annotation: TSESTree.TSTypeAnnotation | undefined;
}

/**
 * The declaration of a receiver without types: a variable (`const q = new Queue()`, `q: Queue`),
 * a parameter (`mailer: MailerService`), or a class member read as `this.x` (a property
 * definition, or a constructor parameter property such as Nest's `private readonly mailer: …`).
 */
export function receiverDeclaration(receiver: TSESTree.Node, file: FileContext): ReceiverDeclaration | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(file, receiver)?.defs[0];
    if (def?.type === DefinitionType.Variable) return { init: def.node.init, annotation: def.node.id.typeAnnotation };
    if (def?.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) {
      return { init: null, annotation: def.name.typeAnnotation };
    }
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
      return { init: member.value, annotation: member.typeAnnotation };
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : undefined;
        if (target?.type === AST_NODE_TYPES.Identifier && target.name === name) return { init: null, annotation: target.typeAnnotation };
      }
    }
  }
  return undefined;
}
