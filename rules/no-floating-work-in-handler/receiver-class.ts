import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../src/ast/unwrap.js';
import type { ValueSummary } from '../../src/modules/types.js';
import type { FileContext } from './file-context.js';
import { receiverDeclaration } from './receiver-declaration.js';

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
  const declaration = receiverDeclaration(receiver, file);
  if (!declaration) return undefined;
  const init = declaration.init ? unwrap(declaration.init) : undefined;
  return init?.type === AST_NODE_TYPES.NewExpression ? init.callee : typeName(declaration.annotation);
}

function typeName(annotation: TSESTree.TSTypeAnnotation | undefined): TSESTree.Node | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && !type.typeArguments ? type.typeName : undefined;
}
