/**
 * Un-awaited work that feeds a streamed response is the response itself: the platform keeps the
 * response open until the stream ends, so the work cannot outlive it.
 * - Hono: writes on the stream parameter of `stream()` / `streamText()` / `streamSSE()` from
 *   `hono/streaming` (the response ends when the callback settles), even from a keep-alive timer.
 * - AI SDK RSC: a call of a function that settles a `createStreamableValue()` /
 *   `createStreamableUI()` (`.done()` / `.error()`), typically the async IIFE a server action
 *   starts before returning `stream.value`; the client reads until the streamable is settled.
 */
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveFunction } from '../../src/ast/resolve-function.js';
import { unwrap } from '../../src/ast/unwrap.js';
import type { FileContext } from './file-context.js';
import { sourceOf, variableOf } from './file-context.js';

const STREAMABLE_MODULES = new Set(['ai/rsc', '@ai-sdk/rsc']);
const SETTLES = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\??\.\s*(?:done|error)\s*\(/g;

/** Whether `root` (the call that starts floating work) writes to or settles a streamed response. */
export function feedsResponseStream(root: TSESTree.Node, file: FileContext): boolean {
  if (root.type !== AST_NODE_TYPES.CallExpression) return false;
  return isHonoStreamWrite(root, file) || settlesStreamable(root, file);
}

function isHonoStreamWrite(call: TSESTree.CallExpression, file: FileContext): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = variableOf(file, object)?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return false;
  const callback = def.node;
  const outer = callback.parent;
  if (outer.type !== AST_NODE_TYPES.CallExpression || !(outer.arguments as readonly TSESTree.Node[]).includes(callback)) return false;
  return sourceOf(file, outer.callee)?.module === 'hono/streaming';
}

function settlesStreamable(call: TSESTree.CallExpression, file: FileContext): boolean {
  const scopeManager = file.sourceCode.scopeManager;
  const fn = scopeManager ? resolveFunction(scopeManager, call.callee) : undefined;
  if (!fn) return false;
  const scope = file.sourceCode.getScope(fn);
  for (const match of file.sourceCode.getText(fn.body).matchAll(SETTLES)) {
    const variable = ASTUtils.findVariable(scope, match[1]!);
    const def = variable?.defs[0];
    if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) continue;
    const init = unwrap(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression) continue;
    const source = sourceOf(file, init.callee);
    if (source && STREAMABLE_MODULES.has(source.module) && /^createStreamable/.test(source.name)) return true;
  }
  return false;
}
