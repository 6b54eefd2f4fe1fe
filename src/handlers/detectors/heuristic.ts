/**
 * The name/shape fallback (confidence `heuristic`, off with `settings.fleet.heuristics: false`):
 * `X.get('/path', (req, res) => ...)` where X is not a known framework object but the call has a
 * route path and handler-shaped functions. Lookalikes are excluded: receivers imported from
 * non-framework packages (msw, nock, axios), same-module plain objects and maps, call results
 * (`request(app).get('/x')`), and test files.
 */
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../detector.js';
import type { HandlerFinding } from '../types.js';
import { handlerFunctions } from '../handler-functions.js';
import { makeHandler } from '../make-handler.js';
import { memberName } from '../../ast/member-name.js';
import { unwrap } from '../../ast/unwrap.js';
import { variableOf } from '../../ast/variable-of.js';
import { walkCallsAt } from '../../ast/walk.js';
import { handlerShape } from './heuristic-shape.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'use']);
const CANDIDATE = /\.\s*(?:get|post|put|patch|delete|del|head|options|all|use)\s*\(\s*['"`]\//g;
const TEST_FILE = /(?:\.(?:test|spec)\.[cm]?[jt]sx?$)|(?:(?:^|[\\/])(?:__tests__|__mocks__|test|tests|e2e|cypress)[\\/])/;
const FRAMEWORK_MODULES =
  /^(?:express|fastify|koa|@koa\/router|koa-router|hono(?:\/.*)?|@hono\/.*|restify|polka|@tinyhttp\/app|router|find-my-way)$/;

/**
 * Test files (`*.test.js`, `__tests__/`, `test/`, …): what they register is not the app's. The
 * path is read relative to the project root when it is known, so a project that itself lives in
 * a folder named `test` is not all test files.
 */
export function isTestFile(filename: string, projectRoot?: string): boolean {
  const relative = projectRoot !== undefined && path.isAbsolute(filename) ? path.relative(projectRoot, filename) : filename;
  return TEST_FILE.test(relative.startsWith('..') ? filename : relative);
}

/** Character offsets of registration-shaped text, or `undefined` when the text is not known. */
function candidates(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return [...text.matchAll(CANDIDATE)].map((match) => match.index);
}

function rootIdentifier(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current;
}

/** True when `node` comes from a bare package that is not a known server framework. */
function fromOtherPackage(ctx: DetectContext, node: TSESTree.Node): boolean {
  const source = ctx.imports.sourceOf(node);
  return source !== undefined && !source.module.startsWith('.') && !source.module.startsWith('/') && !FRAMEWORK_MODULES.test(source.module);
}

/** True when the receiver is known to be something other than a server or router. */
function isLookalike(ctx: DetectContext, receiver: TSESTree.Node): boolean {
  const root = rootIdentifier(receiver);
  if (
    root.type === AST_NODE_TYPES.CallExpression ||
    root.type === AST_NODE_TYPES.NewExpression ||
    root.type === AST_NODE_TYPES.Literal ||
    root.type === AST_NODE_TYPES.ArrayExpression
  )
    return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  if (ctx.imports.sourceOf(root)) return fromOtherPackage(ctx, root);
  const def = variableOf(ctx.scopeManager, root)?.defs[0];
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = unwrap(def.node.init);
  if (init.type === AST_NODE_TYPES.ObjectExpression || init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.Literal)
    return true;
  if (init.type !== AST_NODE_TYPES.NewExpression && init.type !== AST_NODE_TYPES.CallExpression) return false;
  // `new Map()`, or an object made by a non-framework package (`new Router()` from 'some-lib').
  const maker = rootIdentifier(init.callee);
  return (
    (init.type === AST_NODE_TYPES.NewExpression &&
      maker.type === AST_NODE_TYPES.Identifier &&
      /^(Map|WeakMap|Set|URLSearchParams|Headers|EventEmitter|FormData)$/.test(maker.name)) ||
    fromOtherPackage(ctx, maker)
  );
}

function pathOf(node: TSESTree.Node | undefined): { value: string | undefined } | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.value.startsWith('/')) return { value: node.value };
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.quasis[0]?.value.cooked?.startsWith('/'))
    return { value: node.expressions.length === 0 ? node.quasis[0].value.cooked : undefined };
  return undefined;
}

function fromCall(ctx: DetectContext, call: TSESTree.CallExpression): HandlerFinding[] {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = memberName(callee);
  const path = pathOf(call.arguments[0]);
  if (method === undefined || !METHODS.has(method) || !path || call.arguments.length < 2 || isLookalike(ctx, callee.object)) return [];
  const handlers: HandlerFinding[] = [];
  for (const fn of call.arguments.slice(1).flatMap((arg) => handlerFunctions(ctx.scopeManager, arg))) {
    const shape = handlerShape(fn);
    if (!shape) continue;
    const kind = shape.kind ?? (method === 'use' ? 'middleware' : 'route');
    const methods = method === 'use' || method === 'all' ? ['*'] : [method === 'del' ? 'DELETE' : method.toUpperCase()];
    handlers.push(
      makeHandler({
        node: fn,
        framework: shape.framework,
        kind,
        confidence: 'heuristic',
        via: `the \`.${method}('/…', ${shape.signature} => …)\` registration shape`,
        route: { methods, path: path.value, pathComplete: false, registration: call },
        filename: ctx.filename,
      }),
    );
  }
  return handlers;
}

/** False when `detectHeuristic` finds nothing in the module: heuristics off, a test file, or no registration-shaped text. */
export function mayDetectHeuristic(filename: string, text: string, heuristics: boolean, projectRoot?: string): boolean {
  CANDIDATE.lastIndex = 0;
  return heuristics && !isTestFile(filename, projectRoot) && CANDIDATE.test(text);
}

/** Recognises handler-shaped registrations on receivers no framework detector traced. */
export const detectHeuristic: Detector = (ctx) => {
  if (!ctx.settings.heuristics || isTestFile(ctx.filename, ctx.projectRoot)) return [];
  const offsets = candidates(ctx.text);
  if (offsets?.length === 0) return [];
  const handlers: HandlerFinding[] = [];
  walkCallsAt(ctx.ast, offsets, (call) => handlers.push(...fromCall(ctx, call)));
  return handlers;
};
