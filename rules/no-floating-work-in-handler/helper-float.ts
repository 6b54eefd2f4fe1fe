import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { calleePath } from '../../src/handlers/callee-pattern.js';
import { memberName } from '../../src/ast/member-name.js';
import { unwrap } from '../../src/ast/unwrap.js';
import { floatingThrough } from '../../src/modules/floating-through.js';
import type { FloatingSite, ParameterGuard } from '../../src/modules/types.js';
import type { FileContext } from './file-context.js';
import type { ImportedValue } from './imported-value.js';
import { receiverClassMethods } from './receiver-class.js';

/** A call of a helper of another project module that starts work it does not wait for. */
export interface HelperFloat {
  /** The helper as called (`notifyAll()`), for the message. */
  readonly callee: string;
  readonly path: readonly string[] | undefined;
  /** Where the helper floats the work. */
  readonly site: FloatingSite;
}

/**
 * `notifyAll(user)` / `mailer.sendLater(user)` / `this.mailer.sendLater(user)` where the project
 * module the helper comes from shows it floating work (its summary's `floats`). Awaiting the call
 * does not help: the work the helper drops is lost either way. From the module summaries cached
 * per file version: the helper's own same-module calls are followed by its summary, its calls of
 * other project modules by `floatingThrough` (at most `MAX_HELPER_DEPTH` modules).
 */
export function helperFloatOf(call: TSESTree.CallExpression, file: FileContext, lookup: ImportedValue): HelperFloat | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let value = lookup(callee);
  if (!value && callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    value = name === undefined ? undefined : receiverClassMethods(callee.object, { ...file, importedValue: lookup })?.get(name);
  }
  if (value?.kind !== 'function') return undefined;
  const site = floatingThrough(value, (guard) => skipsGuard(call, guard));
  if (!site) return undefined;
  const path = calleePath(callee);
  return { callee: `${path?.join('.') ?? 'helper'}()`, path, site };
}

/** `update(name, value, false)` of `update(name, value, restart) { if (restart) stopApp(); }`: the guarded work never starts. */
function skipsGuard(call: TSESTree.CallExpression, guard: ParameterGuard): boolean {
  const arg = call.arguments[guard.index];
  if (arg === undefined) return guard.omittedIsFalse && !call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement);
  const value = unwrap(arg);
  return value.type === AST_NODE_TYPES.Literal && value.value === false;
}
