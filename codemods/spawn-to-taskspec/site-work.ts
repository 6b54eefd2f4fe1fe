/**
 * From a rule report to the work to move: which span of the handler is replaced, what the
 * executor runs instead, and what is left at the call site (a timer's delay becomes `runAt`).
 */
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, SourceFile } from 'ts-morph';
import { bail } from './bail.js';
import type { Bail } from './bail.js';

/** The deferred work of one site. */
export interface SiteWork {
  /** The reported node: the span the enqueue replaces. */
  readonly site: Node;
  /** The nodes whose free variables become the payload (the work without `void` or the timer). */
  readonly analysed: readonly Node[];
  /** Executor body statements, unindented, one per line. */
  readonly body: readonly string[];
  /** Delay expression text kept at the call site as `runAt`, for `setTimeout(fn, ms)`. */
  readonly delay: string | undefined;
  /** The call the task is named after. */
  readonly nameCall: CallExpression | undefined;
}

/** `unawaitedEnqueue`: the only fix is one token. */
export interface AwaitOnly {
  readonly awaitOnly: true;
  readonly site: Node;
}

const DEFERRING_CALLS = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick', 'after', 'waitUntil']);

/** The work behind the report of `messageId` at `[start, end)`, or why it cannot be moved. */
export function siteWork(file: SourceFile, messageId: string, start: number, end: number): SiteWork | AwaitOnly | Bail {
  const site = nodeAt(file, start, end);
  if (!site) return bail('not-found', `The reported range ${start}-${end} is not one expression; re-run \`fleet scan\` to see the site.`);
  if (messageId === 'unawaitedEnqueue') return { awaitOnly: true, site };
  const inner = Node.isVoidExpression(site) ? unparen(site.getExpression()) : site;
  if (messageId === 'timer' || messageId === 'platformDeferral') return deferred(site, inner);
  // Reported at the handler's call of a helper: the work is started inside the helper, in
  // another module, so there is nothing to move here.
  if (messageId === 'floatingInHelper' || messageId === 'timerInHelper') {
    return bail(
      'in-helper',
      'The work is started inside the helper this call runs (the rule message names its site), not here; `await` it in the helper, or move it to a task there.',
    );
  }
  if (messageId === 'caughtPromise' && Node.isCallExpression(inner)) {
    const callee = inner.getExpression();
    const [handler] = inner.getArguments();
    if (Node.isPropertyAccessExpression(callee) && handler && inner.getArguments().length === 1) {
      const work = callee.getExpression();
      const call = handlerCall(handler.getText());
      return {
        site,
        analysed: [inner],
        body: ['try {', `  await ${work.getText()};`, '} catch (error) {', `  await ${call};`, '  throw error;', '}'],
        delay: undefined,
        nameCall: rootCall(work),
      };
    }
  }
  if (messageId === 'floatingPromise' || messageId === 'voidedPromise' || messageId === 'caughtPromise') {
    const iife = asyncIife(inner);
    if (iife) return { site, analysed: [iife], body: functionBody(iife), delay: undefined, nameCall: firstCall(iife) };
    return { site, analysed: [inner], body: [`await ${inner.getText()};`], delay: undefined, nameCall: rootCall(inner) };
  }
  return bail(
    'unsupported-site',
    `A \`${messageId}\` site (a child process, a worker thread) is not moved automatically; wrap its work in an async function and enqueue that by hand.`,
  );
}

function deferred(site: Node, call: Node): SiteWork | Bail {
  if (!Node.isCallExpression(call)) return bail('unsupported-site', 'This deferral is not a call; move its work to a task by hand.');
  const callee = call.getExpression();
  const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
  if (name === 'setInterval')
    return bail(
      'interval',
      'A `setInterval` in a handler repeats per request and per replica; declare a schedule instead (`npx fleet codemod interval-to-schedule`).',
    );
  if (!DEFERRING_CALLS.has(name))
    return bail('unsupported-site', `\`${name}()\` is not a deferral the codemod knows; move its work to a task by hand.`);
  const [work, delay, ...extra] = call.getArguments();
  if (!work) return bail('unsupported-site', `\`${name}()\` has no work to move.`);
  if (extra.length > 0 || (delay && name !== 'setTimeout')) {
    return bail(
      'timer-arguments',
      `\`${name}()\` passes extra arguments to its callback; pass them through a closure (\`() => work(a, b)\`) and re-run.`,
    );
  }
  const delayText = delay && !(Node.isNumericLiteral(delay) && delay.getLiteralValue() === 0) ? delay.getText() : undefined;
  if (Node.isArrowFunction(work) || Node.isFunctionExpression(work)) {
    if (work.getParameters().length > 0)
      return bail('timer-arguments', `The callback of \`${name}()\` takes parameters; the codemod cannot tell what they receive.`);
    return { site, analysed: [work], body: functionBody(work), delay: delayText, nameCall: firstCall(work) };
  }
  if (Node.isIdentifier(work) || Node.isPropertyAccessExpression(work)) {
    return { site, analysed: [work], body: [`await ${work.getText()}();`], delay: delayText, nameCall: undefined };
  }
  // `waitUntil(promise)`: the promise expression is the work.
  return { site, analysed: [work], body: [`await ${work.getText()};`], delay: delayText, nameCall: rootCall(work) };
}

/** The node whose span is exactly `[start, end)`, outermost first. */
export function nodeAt(file: SourceFile, start: number, end: number): Node | undefined {
  let found: Node | undefined;
  let node: Node | undefined = file.getDescendantAtPos(start);
  while (node && node.getStart() === start && node.getEnd() <= end) {
    if (node.getEnd() === end) found = node;
    node = node.getParent();
  }
  return found;
}

function unparen(node: Node): Node {
  return Node.isParenthesizedExpression(node) ? unparen(node.getExpression()) : node;
}

function asyncIife(node: Node): Node | undefined {
  if (!Node.isCallExpression(node) || node.getArguments().length > 0) return undefined;
  const fn = unparen(node.getExpression());
  return (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && fn.getParameters().length === 0 ? fn : undefined;
}

/** The body of a function as executor statements: a block's statements, or `await expr;`. */
export function functionBody(fn: Node): string[] {
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return [];
  const body = fn.getBody();
  if (!Node.isBlock(body)) return [`await ${unparen(body).getText()};`];
  // A `void work()` statement inside the deferred callback was fire-and-forget too: in the
  // executor it is awaited, so the task ends when the work does (and fails when it fails).
  const text = body.getStatements().map((statement) => {
    const full = statement.getFullText();
    if (!Node.isExpressionStatement(statement) || !Node.isVoidExpression(statement.getExpression())) return full;
    const at = statement.getStart() - statement.getFullStart();
    return `${full.slice(0, at)}await ${full.slice(at + 'void'.length).trimStart()}`;
  });
  return dedent(text.join('').replace(/^\s*\n/, ''));
}

function dedent(text: string): string[] {
  const lines = text.replace(/\r/g, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(Math.min(indent, /^ */.exec(line)![0].length)));
}

/** `h` stays `h(error)`; an inline function is parenthesised before it is called. */
function handlerCall(handler: string): string {
  return /^[\w$.]+$/.test(handler) ? `${handler}(error)` : `(${handler})(error)`;
}

/** The call that starts a chain: `send(x)` in `send(x).then(a).catch(b)`. */
function rootCall(node: Node): CallExpression | undefined {
  let current = unparen(node);
  while (Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (Node.isPropertyAccessExpression(callee) && ['then', 'catch', 'finally'].includes(callee.getName()))
      current = unparen(callee.getExpression());
    else return current;
  }
  if (Node.isAwaitExpression(current)) return rootCall(current.getExpression());
  return undefined;
}

export function firstCall(fn: Node): CallExpression | undefined {
  const call = fn.getFirstDescendantByKind(SyntaxKind.CallExpression);
  return call ? (rootCall(call) ?? call) : undefined;
}

const COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);

/**
 * The calls a `Promise.all([...])` (`allSettled`, `any`, `race`) combines, each its chain's root,
 * in order (an element that is not a call is left out); `undefined` for any other call. The task
 * is named after them, not after the combinator.
 */
export function combinedCalls(call: CallExpression | undefined): CallExpression[] | undefined {
  const callee = call?.getExpression();
  if (!call || !callee || !Node.isPropertyAccessExpression(callee)) return undefined;
  if (unparen(callee.getExpression()).getText() !== 'Promise' || !COMBINATORS.has(callee.getName())) return undefined;
  const [list] = call.getArguments();
  if (!list || !Node.isArrayLiteralExpression(list)) return undefined;
  return list.getElements().flatMap((element) => {
    const iife = asyncIife(unparen(element));
    const root = iife ? firstCall(iife) : rootCall(element);
    return root ? [root] : [];
  });
}
