/**
 * `ctx.signal` pass-through: when the moved call's callee accepts an `AbortSignal` the call does
 * not give it (the next positional parameter, or a `signal` property of an options parameter the
 * call leaves out), the executor passes the task's signal, so cancelling or timing out the task
 * stops the work instead of leaving it running detached.
 */
import { Node } from 'ts-morph';
import type { CallExpression, Type } from 'ts-morph';

/** The argument text to append to `call` (`ctx.signal` or `{ signal: ctx.signal }`), if any. */
export function signalArgument(call: CallExpression): string | undefined {
  const signature = call.getProject().getTypeChecker().getResolvedSignature(call);
  const parameter = signature?.getParameters()[call.getArguments().length];
  const declaration = parameter?.getValueDeclaration();
  if (!parameter || !declaration || !Node.isParameterDeclaration(declaration) || declaration.isRestParameter()) return undefined;
  const type = parameter.getTypeAtLocation(call).getNonNullableType();
  if (isAbortSignal(type)) return 'ctx.signal';
  const signal = type.isObject() ? type.getProperty('signal') : undefined;
  if (!signal || !isAbortSignal(signal.getTypeAtLocation(call).getNonNullableType())) return undefined;
  // Only when every other property of the options is optional: `{ signal }` alone must type-check.
  const required = type.getProperties().filter((property) => property !== signal && !property.isOptional());
  return required.length === 0 ? '{ signal: ctx.signal }' : undefined;
}

function isAbortSignal(type: Type): boolean {
  return type.getSymbol()?.getName() === 'AbortSignal';
}

/** `body` with `call` given the signal, when the call's text occurs in it exactly once. */
export function passSignal(body: readonly string[], call: CallExpression, argument: string): string[] | undefined {
  const text = body.join('\n');
  // The work has a `ctx` of its own: the task's would shadow it.
  if (/\bctx\b/.test(text)) return undefined;
  const callText = call.getText();
  const at = text.indexOf(callText);
  if (at === -1 || text.indexOf(callText, at + 1) !== -1) return undefined;
  const close = callText.lastIndexOf(')');
  const separator = call.getArguments().length > 0 ? ', ' : '';
  const patched = `${callText.slice(0, close).replace(/,\s*$/, '')}${separator}${argument}${callText.slice(close)}`;
  return `${text.slice(0, at)}${patched}${text.slice(at + callText.length)}`.split('\n');
}
