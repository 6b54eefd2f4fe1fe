/**
 * The first work a function of a project module starts and does not wait for, read from its own
 * body without type information, so a handler calling it from another module can be told (issue 9
 * §8). Deliberately narrow: statements of the function's own body (not of callbacks nested in it)
 * that are `void <call>`, `<call>.catch(h)`, a `.then` chain, a call proven to return a promise,
 * a bare global timer, or a call (awaited or not) of a function of the same module, or a method
 * of the same class through `this`, that floats work itself.
 */
import type * as TS from 'typescript';
import { ts } from './typescript.js';
import { skipWrappers } from './ts-nodes.js';
import type { FloatingSite, ModuleCall, ParameterGuard } from './types.js';

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);
const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);

/** What the summariser knows about a call, for `floatingSiteOf`. */
export interface CallFacts {
  /** The call returns a proven promise (`fetch`, an `async` function of the module). */
  readonly returnsPromise: (call: TS.CallExpression) => boolean;
  /** The call is of a same-module function that floats work itself (bounded by the summariser). */
  readonly floats: (call: TS.CallExpression) => FloatingSite | undefined;
  /** The name is a top-level binding of the module (so `setTimeout` is not the global). */
  readonly isBound: (name: string) => boolean;
  /**
   * The calls of other project modules' functions `call` makes: itself when its callee is
   * imported from a project module, else those of the same-module function it calls.
   */
  readonly moduleCalls: (call: TS.CallExpression) => readonly ModuleCall[];
}

/**
 * Every call of another project module's function in `body` (not in callbacks nested in it),
 * directly or through a same-module function, awaited or not: a function the helper calls that
 * floats work floats it whatever the helper does with its result (see `floatingThrough`).
 */
export function moduleCallsOf(body: TS.Block, fn: TS.SignatureDeclaration, facts: CallFacts): ModuleCall[] {
  const calls: ModuleCall[] = [];
  const seen = new Set<string>();
  // The guard of the branch being walked; one visitor for every node (no closure per node).
  let guard: ParameterGuard | undefined;
  const visit = (node: TS.Node): undefined => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    const branch = guardedBranch(node, fn);
    if (branch) {
      visit(branch.condition);
      const outer = guard;
      guard ??= branch.guard;
      visit(branch.then);
      guard = outer;
      return;
    }
    if (ts.isCallExpression(node)) {
      for (const inner of facts.moduleCalls(node)) {
        const call = withGuard(inner, guard);
        const key = `${call.text}\0${call.module}\0${call.name}\0${call.members.join('.')}\0${call.onlyIf?.index ?? ''}`;
        if (!seen.has(key)) calls.push(call);
        seen.add(key);
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return calls;
}

/** `if (param) <then>` without `else`, `param` a parameter of `fn`: the branch and its guard. */
function guardedBranch(
  node: TS.Node,
  fn: TS.SignatureDeclaration,
): { condition: TS.Node; then: TS.Node; guard: ParameterGuard } | undefined {
  if (!ts.isIfStatement(node) || node.elseStatement) return undefined;
  const condition = skipWrappers(node.expression);
  if (!ts.isIdentifier(condition)) return undefined;
  const index = fn.parameters.findIndex((param) => ts.isIdentifier(param.name) && param.name.text === condition.text);
  if (index < 0) return undefined;
  const init = fn.parameters[index]!.initializer;
  const omittedIsFalse = init === undefined || init.kind === ts.SyntaxKind.FalseKeyword;
  return { condition: node.expression, then: node.thenStatement, guard: { index, omittedIsFalse } };
}

function withGuard<T extends { readonly onlyIf?: ParameterGuard }>(value: T, guard: ParameterGuard | undefined): T {
  if (guard === undefined) return value;
  return { ...value, onlyIf: value.onlyIf ?? guard };
}

/**
 * What a guarded site or call becomes at `call`: `'skipped'` when the call passes `false` for the
 * guarding parameter (or omits it and its default is falsy), the caller's own guard when it passes
 * its own parameter on (`this.update(x, restart)`), else unguarded.
 */
export function guardAtCall(
  guard: ParameterGuard | undefined,
  call: TS.CallExpression,
  caller: TS.SignatureDeclaration,
): ParameterGuard | 'skipped' | undefined {
  if (guard === undefined) return undefined;
  const arg = call.arguments[guard.index];
  if (arg === undefined) return guard.omittedIsFalse && !call.arguments.some(ts.isSpreadElement) ? 'skipped' : undefined;
  const value = skipWrappers(arg);
  if (value.kind === ts.SyntaxKind.FalseKeyword) return 'skipped';
  if (!ts.isIdentifier(value)) return undefined;
  const index = caller.parameters.findIndex((param) => ts.isIdentifier(param.name) && param.name.text === value.text);
  if (index < 0) return undefined;
  const init = caller.parameters[index]!.initializer;
  return { index, omittedIsFalse: init === undefined || init.kind === ts.SyntaxKind.FalseKeyword };
}

/** `calleeText` of a call, for the chain of a {@link ModuleCall}. */
export function callText(call: TS.CallExpression): string {
  return calleeText(call);
}

/** The first floating site in `body`, `undefined` when none is proven. */
export function floatingSiteOf(
  body: TS.Block,
  fn: TS.SignatureDeclaration,
  source: TS.SourceFile,
  facts: CallFacts,
): FloatingSite | undefined {
  const params = new Set(fn.parameters.flatMap((param) => (ts.isIdentifier(param.name) ? [param.name.text] : [])));
  // Work that writes the stream the helper made the response body is the response (see `responseStreams`).
  const streams = new Set(responseStreams(body, params));
  for (const stream of streams) params.add(stream);
  // The first site no parameter guards; failing that, the first guarded one.
  let found: FloatingSite | undefined;
  let guarded: FloatingSite | undefined;
  const at = (node: TS.Node, work: string): FloatingSite => ({
    file: source.fileName,
    line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    work,
  });
  const keep = (site: FloatingSite | undefined, guard: ParameterGuard | undefined): boolean => {
    if (!site) return false;
    const kept = withGuard(site, guard);
    if (kept.onlyIf) guarded ??= kept;
    else found = kept;
    return true;
  };
  // The guard of the branch being walked; one visitor for every node (no closure per node).
  let guard: ParameterGuard | undefined;
  const visit = (node: TS.Node): undefined => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    const branch = guardedBranch(node, fn);
    if (branch) {
      visit(branch.condition);
      const outer = guard;
      guard ??= branch.guard;
      visit(branch.then);
      guard = outer;
      return;
    }
    if (ts.isExpressionStatement(node)) {
      if (keep(statementSite(skipWrappers(node.expression), fn, params, streams, facts, at), guard)) return;
    } else if (ts.isCallExpression(node)) {
      // Awaited, returned or assigned, a call of a function that floats work still floats it.
      const inner = facts.floats(node);
      if (keep(inner && through(at(node, ''), node, inner, fn), guard)) return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found ?? guarded;
}

function statementSite(
  expression: TS.Node,
  fn: TS.SignatureDeclaration,
  params: ReadonlySet<string>,
  streams: ReadonlySet<string>,
  facts: CallFacts,
  at: (node: TS.Node, work: string) => FloatingSite,
): FloatingSite | undefined {
  if (ts.isVoidExpression(expression)) {
    const inner = skipWrappers(expression.expression);
    // `void next()`: a parameter is a callback, not work.
    if (!ts.isCallExpression(inner) || isParamCall(inner, params) || (isChain(inner) && mentions(inner, params))) return undefined;
    if (isIife(inner) && names(inner.expression, streams)) return undefined;
    return at(expression, `void ${isChain(inner) ? chainText(inner) : `${calleeText(inner)}()`}`);
  }
  if (!ts.isCallExpression(expression)) return undefined;
  const callee = skipWrappers(expression.expression);
  if (ts.isIdentifier(callee) && TIMERS.has(callee.text) && !facts.isBound(callee.text))
    return { ...at(expression, `${callee.text}()`), timer: true };
  if (ts.isPropertyAccessExpression(callee) && CHAIN_METHODS.has(callee.name.text)) {
    // A chain whose callbacks use a parameter most likely answers the request (`p.then((x) => res.json(x))`).
    if (mentions(expression, params)) return undefined;
    return at(expression, chainText(expression));
  }
  if (facts.returnsPromise(expression)) return at(expression, `${calleeText(expression)}()`);
  const inner = facts.floats(expression);
  return inner ? through(at(expression, ''), expression, inner, fn) : undefined;
}

/**
 * The site of `call`, which floats work through the function it calls (`send() → setTimeout()`);
 * none when the call passes `false` for the parameter guarding that work.
 */
function through(
  site: FloatingSite,
  call: TS.CallExpression,
  inner: FloatingSite,
  caller: TS.SignatureDeclaration,
): FloatingSite | undefined {
  const guard = guardAtCall(inner.onlyIf, call, caller);
  if (guard === 'skipped') return undefined;
  return {
    ...site,
    work: `${calleeText(call)}() → ${inner.work}`,
    ...(inner.timer ? { timer: true } : {}),
    ...(guard ? { onlyIf: guard } : {}),
  };
}

/**
 * Locals a helper hands to the response: `ctx.body = zip.outputStream` (Koa), `zip.pipe(res)`;
 * an async IIFE that fills them streams the response (outline's `streamZipResponse`).
 */
function responseStreams(body: TS.Block, params: ReadonlySet<string>): string[] {
  const streams: string[] = [];
  const rootName = (node: TS.Node): string | undefined => {
    let current = skipWrappers(node);
    while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current)) current = skipWrappers(current.expression);
    return ts.isIdentifier(current) ? current.text : undefined;
  };
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.name.text === 'body'
    ) {
      const target = rootName(node.left.expression);
      const stream = rootName(node.right);
      if (target !== undefined && params.has(target) && stream !== undefined && !params.has(stream)) streams.push(stream);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'pipe') {
      const [target] = node.arguments;
      const stream = rootName(node.expression.expression);
      if (target && params.has(rootName(target) ?? '') && stream !== undefined) streams.push(stream);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return streams;
}

/** `(async () => { ... })()`: an immediately invoked function. */
function isIife(call: TS.CallExpression): boolean {
  const callee = skipWrappers(call.expression);
  return ts.isArrowFunction(callee) || ts.isFunctionExpression(callee);
}

function isChain(call: TS.CallExpression): boolean {
  const callee = skipWrappers(call.expression);
  return ts.isPropertyAccessExpression(callee) && CHAIN_METHODS.has(callee.name.text);
}

function isParamCall(call: TS.CallExpression, params: ReadonlySet<string>): boolean {
  const callee = skipWrappers(call.expression);
  return ts.isIdentifier(callee) && params.has(callee.text);
}

/** Whether `node` names one of `wanted` anywhere inside it. */
function names(node: TS.Node, wanted: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node)) return wanted.has(node.text);
  return ts.forEachChild(node, (child) => (names(child, wanted) ? true : undefined)) === true;
}

/** Whether an argument of any call of the chain names one of `params`. */
function mentions(chain: TS.CallExpression, params: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && params.has(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  for (let call: TS.Node = chain; ts.isCallExpression(call);) {
    call.arguments.forEach(visit);
    const callee = skipWrappers(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !CHAIN_METHODS.has(callee.name.text)) break;
    call = skipWrappers(callee.expression);
  }
  return found;
}

/** `send().catch()`, `Promise.allSettled().then()`: the start of a chain and how it ends. */
function chainText(chain: TS.CallExpression): string {
  const callee = skipWrappers(chain.expression);
  const end = ts.isPropertyAccessExpression(callee) && callee.name.text === 'catch' ? '.catch()' : '.then()';
  return `${calleeText(chainRoot(chain))}()${end}`;
}

function chainRoot(call: TS.CallExpression): TS.Node {
  let current: TS.Node = call;
  for (;;) {
    if (!ts.isCallExpression(current)) return current;
    const callee = skipWrappers(current.expression);
    if (!ts.isPropertyAccessExpression(callee) || !CHAIN_METHODS.has(callee.name.text)) return current;
    current = skipWrappers(callee.expression);
  }
}

function calleeText(node: TS.Node): string {
  const callee = ts.isCallExpression(node) ? skipWrappers(node.expression) : node;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) {
    const object = skipWrappers(callee.expression);
    const head = ts.isIdentifier(object)
      ? object.text
      : object.kind === ts.SyntaxKind.ThisKeyword
        ? 'this'
        : ts.isPropertyAccessExpression(object)
          ? calleeText(object)
          : '…';
    return `${head}.${callee.name.text}`;
  }
  return 'promise';
}
