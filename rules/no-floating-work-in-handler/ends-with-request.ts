import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/ast/member-name.js';
import { outermost, unwrap } from '../../src/ast/unwrap.js';
import { enclosingFunction } from './floating-work.js';
import type { FileContext } from './file-context.js';
import { variableOf } from './file-context.js';
import type { SpawnSite } from './spawn-site.js';
import { spawnSiteOf } from './spawn-site.js';

/** Calls on a timer or worker that leave it running; any other use (clear, await, return) ends it. */
const NEUTRAL_METHODS = new Set(['unref', 'ref', 'hasRef', 'refresh', 'on', 'once', 'postMessage']);

// A callback that answers the request (`res.json()`, `reply.send()`) delays the response, it does not outlive it.
const RESPONDS = /\.(?:json|send|sendStatus|end|redirect|render|writeHead|status)\(/;

/**
 * Whether a timer or worker thread finishes with the request: an awaited sleep or a timeout
 * raced inside `new Promise`, a guard whose handle is cleared or otherwise kept, a middleware
 * continuation (`setImmediate(next)`), or a callback that sends the response.
 */
export function endsWithRequest(site: SpawnSite, file: FileContext): boolean {
  if (site.kind !== 'timer' && site.kind !== 'workerThread') return false;
  if (isInPromiseExecutor(site.node)) return true;
  if (isHandleKept(site.node, file)) return true;
  if (site.kind === 'workerThread') return false;
  const [callback] = site.node.arguments;
  if (!callback) return false;
  return isContinuation(callback, file) || RESPONDS.test(file.sourceCode.getText(callback));
}

/**
 * The timers, `after()` and `waitUntil()` calls whose argument holds `node` at any depth
 * (`waitUntil((async () => { ... })())`, `waitUntil(p.then(() => ...))`), innermost first.
 */
export function* enclosingSpawnSites(node: TSESTree.Node, file: FileContext): Generator<SpawnSite> {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      (parent.arguments as readonly TSESTree.Node[]).includes(child)
    ) {
      const site = spawnSiteOf(parent, file);
      if (site?.kind === 'timer' || site?.kind === 'platformDeferral') yield site;
    }
  }
}

function isInPromiseExecutor(node: TSESTree.Node): boolean {
  const executor = enclosingFunction(node);
  const parent = executor?.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === executor &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise'
  );
}

/** `setImmediate(next)`, `process.nextTick(done, err)`, `setTimeout(() => next(), 0)`. */
function isContinuation(callback: TSESTree.Node, file: FileContext): boolean {
  const target = unwrap(callback);
  if (target.type === AST_NODE_TYPES.Identifier) return variableOf(file, target)?.defs[0]?.type === DefinitionType.Parameter;
  if (target.type !== AST_NODE_TYPES.ArrowFunctionExpression && target.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const body = target.body;
  const statement = body.type === AST_NODE_TYPES.BlockStatement ? body.body[0] : body;
  const call = statement?.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement;
  if (body.type === AST_NODE_TYPES.BlockStatement && body.body.length !== 1) return false;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.Identifier && variableOf(file, callee)?.defs[0]?.type === DefinitionType.Parameter;
}

/**
 * Whether the handle a timer or worker returns is used beyond keeping it running: cleared,
 * awaited, returned, stored in an object or passed on, anywhere but in the timer's own callback.
 * A clear in a listener (`req.on('close', () => clearInterval(t))`) ends the timer with the
 * connection, so an SSE heartbeat is part of the response. Only a bare statement, `void`, or a
 * `const` whose reads are `unref()`/`on()`/... in the same function leaves the work floating.
 */
function isHandleKept(node: TSESTree.CallExpression | TSESTree.NewExpression, file: FileContext): boolean {
  let outer = outermost(node);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && parent.parent.type === AST_NODE_TYPES.CallExpression) {
    if (!NEUTRAL_METHODS.has(memberName(parent) ?? '')) return true;
    outer = parent.parent;
  }
  const holder = outer.parent;
  if (holder?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  if (holder?.type === AST_NODE_TYPES.UnaryExpression && holder.operator === 'void') return false;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = variableOf(file, holder.id);
  if (!variable) return true;
  const home = enclosingFunction(holder);
  const [start, end] = node.range;
  return variable.references.some((reference) => {
    if (!reference.isRead()) return false;
    // A poller that clears itself (`const t = setInterval(() => { if (done()) clearInterval(t); })`)
    // runs until its own condition holds, whatever happened to the request.
    if (reference.identifier.range[0] >= start && reference.identifier.range[1] <= end) return false;
    const use = reference.identifier.parent;
    const isNeutralCall =
      use.type === AST_NODE_TYPES.MemberExpression &&
      use.object === reference.identifier &&
      NEUTRAL_METHODS.has(memberName(use) ?? '') &&
      use.parent.type === AST_NODE_TYPES.CallExpression &&
      enclosingFunction(use) === home;
    return !isNeutralCall;
  });
}
