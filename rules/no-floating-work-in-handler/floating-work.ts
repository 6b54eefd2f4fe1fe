import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/ast/member-name.js';
import { unwrap } from '../../src/ast/unwrap.js';
import { calleePath } from '../../src/handlers/callee-pattern.js';
import { isEnqueueCall } from './enqueue-call.js';
import type { FileContext } from './file-context.js';
import { isAsyncFunction, isPromiseValued, isVoidedWork } from './promise-like.js';

/** How a promise statement loses its work. */
export type FloatingKind = 'floatingPromise' | 'voidedPromise' | 'caughtPromise' | 'unawaitedEnqueue';

/** A promise started by an expression statement and neither awaited, returned nor joined. */
export interface FloatingWork {
  readonly kind: FloatingKind;
  /** The expression to report and, for the suggestion, to put `await` in front of. */
  readonly node: TSESTree.Expression;
  /** The work as written, for the message (`sendEmail()`). */
  readonly callee: string;
  /** Dotted callee of the call that starts the work, for `allowCalls`. */
  readonly path: readonly string[] | undefined;
  /** The call that starts the work (`send(x)` in `send(x).then(a).catch(b)`). */
  readonly root: TSESTree.Node;
  /** The `.then/.catch/.finally` calls chained on the root, innermost first. */
  readonly chain: readonly TSESTree.CallExpression[];
}

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** The floating work an expression statement starts, if any. */
export function floatingWorkOf(expression: TSESTree.Expression, file: FileContext): FloatingWork | undefined {
  const node = unwrap(expression) as TSESTree.Expression;
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression: {
      const inner = unwrap(node.argument);
      if (node.operator !== 'void' || (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression)) {
        return undefined;
      }
      if (isCatchCall(inner)) return finding(node, inner, 'caughtPromise', file);
      return isVoidedWork(inner, file) ? finding(node, inner, 'voidedPromise', file) : undefined;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return floatingWorkOf(node.consequent, file) ?? floatingWorkOf(node.alternate, file);
    case AST_NODE_TYPES.LogicalExpression:
      return floatingWorkOf(node.right, file);
    case AST_NODE_TYPES.SequenceExpression:
      for (const part of node.expressions) {
        const work = floatingWorkOf(part, file);
        if (work) return work;
      }
      return undefined;
    case AST_NODE_TYPES.CallExpression:
      if (isAsyncIteration(node)) return { kind: 'floatingPromise', node, callee: describe(node), path: undefined, root: node, chain: [] };
      if (isCatchCall(node)) {
        const receiver = unwrap((node.callee as TSESTree.MemberExpression).object);
        return file.types && !isPromiseValued(receiver, file) ? undefined : finding(node, node, 'caughtPromise', file);
      }
      return isPromiseValued(node, file) ? finding(node, node, 'floatingPromise', file) : undefined;
    case AST_NODE_TYPES.NewExpression:
      return isPromiseValued(node, file) ? finding(node, node, 'floatingPromise', file) : undefined;
    default:
      return undefined;
  }
}

/**
 * True when the work settles an enclosing `new Promise` (joined work): it runs inside the
 * executor, at any depth (`new Promise((resolve, reject) => { const fail = (e) => { void
 * cleanup().then(() => reject(e)); }; ... })`), and names the executor's `resolve` or `reject`.
 */
export function settlesEnclosingPromise(work: FloatingWork, file: FileContext): boolean {
  const text = file.sourceCode.getText(work.node);
  for (let executor = enclosingFunction(work.node); executor; executor = enclosingFunction(executor)) {
    const construct = executor.parent;
    if (construct.type !== AST_NODE_TYPES.NewExpression || construct.arguments[0] !== executor) continue;
    if (construct.callee.type !== AST_NODE_TYPES.Identifier || construct.callee.name !== 'Promise') continue;
    const names = executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : []));
    if (names.some((name) => new RegExp(`(?<![\\w$])${name.replaceAll('$', '\\$')}(?![\\w$])`).test(text))) return true;
  }
  return false;
}

/** The nearest function around `node`. */
export function enclosingFunction(node: TSESTree.Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return current;
    }
  }
  return undefined;
}

/** `.catch(h)` or `.then(ok, h)`: the rejection is handled, the work still floats. */
function isCatchCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  return (name === 'catch' && node.arguments.length >= 1) || (name === 'then' && node.arguments.length >= 2);
}

/** `items.forEach(async (item) => ...)` / `items.map(async ...)` as a statement: every callback's promise is dropped. */
function isAsyncIteration(node: TSESTree.CallExpression): boolean {
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee);
  const [callback] = node.arguments;
  return (name === 'forEach' || name === 'map') && callback !== undefined && isAsyncFunction(callback);
}

/** The work `outer` starts, reported at `node` (the statement's expression, or a declaration's initialiser). */
export function finding(
  node: TSESTree.Expression,
  outer: TSESTree.CallExpression | TSESTree.NewExpression,
  kind: FloatingKind,
  file: FileContext,
): FloatingWork {
  const chain: TSESTree.CallExpression[] = [];
  const root = chainRoot(outer, chain);
  const enqueue = root.type === AST_NODE_TYPES.CallExpression ? isEnqueueCall(root, file) : undefined;
  const path =
    root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression ? calleePath(unwrap(root.callee)) : undefined;
  return { kind: enqueue === undefined ? kind : 'unawaitedEnqueue', node, callee: describe(root), path, root, chain: chain.reverse() };
}

/** The start of a `.then/.catch/.finally` chain: `send(x)` in `send(x).then(a).catch(b)`. */
function chainRoot(node: TSESTree.Node, chain: TSESTree.CallExpression[]): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(memberName(callee) ?? '')) break;
    chain.push(current);
    current = unwrap(callee.object);
  }
  return current;
}

function describe(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(node.callee);
    if (isAsyncFunction(callee)) return 'async IIFE';
    if (node.type === AST_NODE_TYPES.CallExpression && isAsyncIteration(node) && callee.type === AST_NODE_TYPES.MemberExpression) {
      return `${calleePath(callee)?.join('.') ?? memberName(callee) ?? ''}(async …)`;
    }
    const path = calleePath(callee);
    return path ? `${node.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${path.join('.')}()` : 'promise chain';
  }
  return node.type === AST_NODE_TYPES.Identifier ? node.name : 'promise';
}
