/**
 * Promise return types read from TypeScript annotations, without a type checker. The compiler
 * enforces an annotation, so `send(): Promise<void>` is as good a proof as `async` that a call
 * returns a promise, whatever the body does (`return transport.sendMail(...)`).
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

const PROMISE_TYPES = new Set(['Promise', 'PromiseLike']);

/** True for a `Promise<T>` / `PromiseLike<T>` annotation (also `Promise<A> | Promise<B>`). */
export function isPromiseAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  // A truthiness test, not `!== undefined`: oxlint's ESTree gives absent children as `null`.
  return annotation ? isPromiseType(annotation.typeAnnotation) : false;
}

function isPromiseType(type: TSESTree.TypeNode): boolean {
  if (type.type === AST_NODE_TYPES.TSUnionType) return type.types.every(isPromiseType);
  return (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    PROMISE_TYPES.has(type.typeName.name)
  );
}

/**
 * True when a value annotated with `annotation` is a function whose every call returns a promise:
 * `(x: X) => Promise<T>` or `{ (x: X): Promise<T> }` (a class field assigned in the constructor).
 */
export function isPromiseFunctionAnnotation(annotation: TSESTree.TSTypeAnnotation | undefined): boolean {
  const type = annotation?.typeAnnotation;
  if (type?.type === AST_NODE_TYPES.TSFunctionType) return isPromiseAnnotation(type.returnType);
  if (type?.type !== AST_NODE_TYPES.TSTypeLiteral || type.members.length === 0) return false;
  return type.members.every(
    (member) => member.type === AST_NODE_TYPES.TSCallSignatureDeclaration && isPromiseAnnotation(member.returnType),
  );
}
