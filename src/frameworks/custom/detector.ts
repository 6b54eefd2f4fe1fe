/**
 * User-declared handlers (`framework: 'custom'`, always `certain`): calls to in-house wrappers
 * listed in `settings.fleet.handlers`, and exported functions of files listed in
 * `settings.fleet.handlerFiles`. See `matchesFiles` for how `files` globs are matched.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { HandlerDeclaration, HandlerFileDeclaration } from '../../settings.js';
import type { DetectContext } from '../../handlers/detector.js';
import type { FunctionNode, HandlerFinding, RouteInfo } from '../../handlers/types.js';
import { calleePath, matchesCalleePattern } from '../../handlers/callee-pattern.js';
import { matchesFiles } from './matches-files.js';
import { moduleExports } from '../nextjs/module-exports.js';
import { functionValue } from '../nextjs/function-value.js';
import { visitAround } from '../nextjs/visit-around.js';
import { makeExternalRoute } from '../../handlers/external-route.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Detects user-declared handlers in one module.
 *
 * For a `handlers` entry, a call whose callee path matches `callee` registers: the function at
 * `handlerArg` (a literal, a same-module function or `const`, or the function inside a wrapper
 * call), or, when `handlerArg` is omitted, every function argument, the last as the `route`
 * and the ones before it as `middleware`. The route's methods come from the string literal at
 * `methodArg`, else `method`, else `['*']`; its path from the string literal at `pathArg`
 * (`pathComplete: false` when that argument is not a literal). An entry with none of
 * `methodArg`, `pathArg`, `method` gives handlers without route info.
 *
 * For a `handlerFiles` entry, the file's exports named in `exports` (all exports when omitted;
 * `default` for the default export) that are functions are `route` handlers without route info.
 */
export function detectCustom(ctx: DetectContext): HandlerFinding[] {
  const { handlers: declarations, handlerFiles } = ctx.settings;
  if (declarations.length === 0 && handlerFiles.length === 0) return [];
  const active = declarations.filter(
    (declaration) => (declaration.files === undefined || matchesFiles(ctx.filename, declaration.files)) && mayCall(ctx, declaration),
  );
  const handlers = active.length === 0 ? [] : declaredCalls(ctx, active);
  for (const declaration of handlerFiles) {
    if (matchesFiles(ctx.filename, declaration.files)) handlers.push(...exportedHandlers(ctx, declaration));
  }
  const seen = new Set<FunctionNode>();
  return handlers.filter((handler) => !seen.has(handler.node) && seen.add(handler.node)).sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** Cheap pre-filter: the callee's last literal segment must appear in the source text. */
function mayCall(ctx: DetectContext, declaration: HandlerDeclaration): boolean {
  const last = lastLiteralSegment(declaration);
  return ctx.text === undefined || last === undefined || ctx.text.includes(last);
}

function declaredCalls(ctx: DetectContext, declarations: readonly HandlerDeclaration[]): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  visitAround(ctx.ast, calleeOffsets(ctx.ast, declarations), (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const path = calleePath(node.callee);
    const declaration = path === undefined ? undefined : declarations.find((candidate) => matchesCalleePattern(path, candidate.callee));
    if (path !== undefined && declaration !== undefined) handlers.push(...callHandlers(ctx, node, path.join('.'), declaration));
  });
  return handlers;
}

/**
 * Offsets of identifier tokens naming a declared callee's last literal segment: every matching
 * call spans one. `undefined` (walk everything) without tokens or when a pattern is all `*`.
 */
function calleeOffsets(program: TSESTree.Program, declarations: readonly HandlerDeclaration[]): number[] | undefined {
  const names = new Set<string>();
  for (const declaration of declarations) {
    const last = lastLiteralSegment(declaration);
    if (last === undefined) return undefined;
    names.add(last);
  }
  if (program.tokens === undefined) return undefined;
  // A computed member (`api['route']`) names the callee with a string token: compare it unquoted.
  return program.tokens
    .filter((token) => names.has(token.type === 'String' ? token.value.slice(1, -1) : token.value))
    .map((token) => token.range[0]);
}

function lastLiteralSegment(declaration: HandlerDeclaration): string | undefined {
  return declaration.callee.split('.').findLast((segment) => segment !== '*' && segment !== '**');
}

function callHandlers(ctx: DetectContext, call: TSESTree.CallExpression, path: string, declaration: HandlerDeclaration): HandlerFinding[] {
  const route = routeOf(call, declaration);
  const via = `\`${path}()\` declared in \`settings.fleet.handlers\``;
  const label = route === undefined ? `${path}()` : `${route.methods.join(', ')} ${route.path ?? `${path}()`}`;
  const make = (node: FunctionNode, kind: HandlerFinding['kind']): HandlerFinding => ({
    node,
    framework: 'custom',
    kind,
    confidence: 'certain',
    via,
    route: kind === 'route' ? route : undefined,
    label: kind === 'route' ? label : `${path}() middleware`,
  });
  const target = declaration.handlerArg === undefined ? call.arguments.at(-1) : call.arguments[declaration.handlerArg];
  const functions =
    declaration.handlerArg === undefined
      ? call.arguments.flatMap((argument) => functionValue(argument, ctx.scopeManager) ?? [])
      : [functionValue(target, ctx.scopeManager)].filter((node) => node !== undefined);
  if (functions.length === 0 && route !== undefined && target !== undefined) {
    // `setupApiRoute(router, 'post', '/x', users.create)`: the handler is imported, the route is here.
    ctx.externalRoutes.push(makeExternalRoute({ framework: 'custom', confidence: 'certain', via, route, target, label }));
  }
  return functions.map((node, index) => make(node, index === functions.length - 1 ? 'route' : 'middleware'));
}

function routeOf(call: TSESTree.CallExpression, declaration: HandlerDeclaration): RouteInfo | undefined {
  const { methodArg, pathArg, method } = declaration;
  if (methodArg === undefined && pathArg === undefined && method === undefined) return undefined;
  const methodText = methodArg === undefined ? undefined : stringAt(call, methodArg);
  const path = pathArg === undefined ? undefined : stringAt(call, pathArg);
  return {
    methods: [methodText?.toUpperCase() ?? method ?? '*'],
    path,
    pathComplete: path !== undefined,
    registration: call,
  };
}

function stringAt(call: TSESTree.CallExpression, index: number): string | undefined {
  const argument = call.arguments[index];
  if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
  if (argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0)
    return argument.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function exportedHandlers(ctx: DetectContext, declaration: HandlerFileDeclaration): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  for (const entry of moduleExports(ctx.ast)) {
    if (declaration.exports !== undefined && !declaration.exports.includes(entry.name)) continue;
    const node = functionValue(entry.value, ctx.scopeManager);
    if (node === undefined) continue;
    const via = `\`${entry.name}\` export of a file in \`settings.fleet.handlerFiles\``;
    handlers.push({ node, framework: 'custom', kind: 'route', confidence: 'certain', via, route: undefined, label: entry.name });
  }
  return handlers;
}
