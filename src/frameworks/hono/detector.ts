/**
 * Hono: `new Hono()` (also `hono/tiny`, `hono/quick`, `OpenAPIHono`) followed through the module
 * and its chains; verbs, `all`, `on(method, path)`, `use` middleware, `basePath()` and
 * `route(path, sub)` prefixes, `openapi(route, handler)`, and `createMiddleware` / `createFactory`
 * handlers from 'hono/factory'.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import type { HandlerFinding } from '../../handlers/types.js';
import { addMount, newInstance } from '../../handlers/instance.js';
import { annotatedBinding } from '../../handlers/annotated-binding.js';
import { importUses } from '../../handlers/import-uses.js';
import { makeHandler } from '../../handlers/make-handler.js';
import { memberName } from '../../ast/member-name.js';
import { objectLiteral, propertyValue } from '../../handlers/object-literal.js';
import { localOrExternal, registerHandlers } from '../../handlers/register.js';
import { staticString } from '../../ast/static-string.js';
import { Tracker } from '../../handlers/track.js';
import type { ChainRule, TrackedCall } from '../../handlers/track.js';
import { typedHandlers } from '../../handlers/typed-handlers.js';
import { unwrap } from '../../ast/unwrap.js';
import type { FunctionNode } from '../../ast/function-node.js';
import { variableOf } from '../../ast/variable-of.js';

/** The route methods this detector reads (the registry's `registrationCalls.verbs`). */
export const VERBS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'all']);
const MODULES = ['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi'];
const CLASSES = new Set(['Hono', 'OpenAPIHono']);

const chain: ChainRule = ({ call, method, instance }, tracker) => {
  if (instance.role === 'factory') return undefined;
  if (method === 'basePath') {
    const prefix = staticString(call.arguments[0], tracker.scopeManager);
    return newInstance({ ...instance, own: prefix ?? '', anchor: prefix === undefined ? 'unknown' : instance });
  }
  return VERBS.has(method) ||
    method === 'on' ||
    method === 'use' ||
    method === 'route' ||
    method === 'openapi' ||
    method === 'onError' ||
    method === 'notFound'
    ? instance
    : undefined;
};

function seed(tracker: Tracker, ctx: DetectContext): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  for (const use of importUses(ctx, [...MODULES, 'hono/factory'])) {
    const name = use.path[0];
    if (use.path.length !== 1 || name === undefined) continue;
    if (CLASSES.has(name) && use.use === 'new') {
      tracker.add(
        use.node.parent!,
        newInstance({ framework: 'hono', role: 'app', confidence: 'certain', via: `\`new ${name}()\``, own: '', anchor: 'mountable' }),
      );
    } else if (CLASSES.has(name) && use.use === 'type') {
      tracker.bindAnnotated(
        annotatedBinding(use.node),
        newInstance({
          framework: 'hono',
          role: 'app',
          confidence: 'certain',
          via: `a parameter typed \`${name}\``,
          own: '',
          anchor: 'unknown',
        }),
      );
    } else if (use.module === 'hono/factory' && use.use === 'call' && name === 'createFactory') {
      tracker.add(
        use.node.parent!,
        newInstance({ framework: 'hono', role: 'factory', confidence: 'certain', via: '`createFactory()`', own: '', anchor: 'unknown' }),
      );
    } else if (use.module === 'hono/factory' && use.use === 'call' && name === 'createMiddleware') {
      const call = use.node.parent as TSESTree.CallExpression;
      handlers.push(
        ...honoHandlers(ctx, call.arguments, '`createMiddleware()` from hono/factory').map((fn) =>
          makeHandler({
            node: fn,
            framework: 'hono',
            kind: 'middleware',
            confidence: 'certain',
            via: '`createMiddleware()` from hono/factory',
            filename: ctx.filename,
          }),
        ),
      );
    }
  }
  return handlers;
}

/** Handler arguments with no route of their own (error and not-found handlers, a factory's handlers): an imported one is a handler of its module. */
function honoHandlers(ctx: DetectContext, args: readonly TSESTree.Node[], via: string): FunctionNode[] {
  const external = { framework: 'hono', kind: 'middleware', confidence: 'certain', via, route: undefined } as const;
  return args.flatMap((arg) => localOrExternal(ctx, arg, external));
}

/** A verb called without a path on a chain reuses the previous call's path (`.get('/a', h).post(h2)`). */
function chainedPath(call: TSESTree.CallExpression, ctx: DetectContext): string | undefined {
  const callee = unwrap(call.callee);
  const previous = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
  if (previous?.type !== AST_NODE_TYPES.CallExpression || previous.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(previous.callee);
  if (method === undefined || !(VERBS.has(method) || method === 'on')) return undefined;
  const pathArg = method === 'on' ? previous.arguments[1] : previous.arguments[0];
  return staticString(pathArg, ctx.scopeManager) ?? chainedPath(previous, ctx);
}

/** `createRoute({ method: 'get', path: '/users/{id}' })` held by a same-module const. */
function openApiRoute(node: TSESTree.Node | undefined, ctx: DetectContext): { method?: string | undefined; path?: string | undefined } {
  let target = node && unwrap(node);
  if (target?.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(ctx.scopeManager, target)?.defs[0];
    target = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
  }
  const options = target?.type === AST_NODE_TYPES.CallExpression ? objectLiteral(target.arguments[0], ctx.scopeManager) : undefined;
  if (!options) return {};
  return {
    method: staticString(propertyValue(options, 'method'), ctx.scopeManager),
    path: staticString(propertyValue(options, 'path'), ctx.scopeManager),
  };
}

function mount(tracker: Tracker, ctx: DetectContext, { call, method, instance }: TrackedCall): void {
  if (method !== 'route' || !call.arguments[1]) return;
  const child = tracker.instanceAt(call.arguments[1]);
  if (child) addMount(child, instance, staticString(call.arguments[0], ctx.scopeManager));
}

function handlersOf(ctx: DetectContext, tracker: Tracker, { call, method, instance }: TrackedCall): HandlerFinding[] {
  const via = `\`.${method}()\` on ${instance.via}`;
  const args = call.arguments;
  if (instance.role === 'factory') {
    if (method !== 'createHandlers' && method !== 'createMiddleware') return [];
    const kind = method === 'createHandlers' ? 'route' : 'middleware';
    return honoHandlers(ctx, args, via).map((fn) =>
      makeHandler({ node: fn, framework: 'hono', kind, confidence: 'certain', via, filename: ctx.filename }),
    );
  }
  const first = staticString(args[0], ctx.scopeManager);
  if (VERBS.has(method)) {
    const methods = method === 'all' ? ['*'] : [method.toUpperCase()];
    const hasPath = first !== undefined || args[0]?.type === AST_NODE_TYPES.TemplateLiteral;
    const path = hasPath ? { value: first } : { value: chainedPath(call, ctx) };
    return registerHandlers(ctx, tracker, { instance, call, args: hasPath ? args.slice(1) : args, methods, path, kind: 'route', via });
  }
  if (method === 'on' && args.length >= 3) {
    const methodArg = args[0]!;
    const listed =
      methodArg.type === AST_NODE_TYPES.ArrayExpression
        ? methodArg.elements.map((e) => (e ? staticString(e, ctx.scopeManager) : undefined))
        : [first];
    const methods = listed.every((m) => m !== undefined) ? listed.map((m) => m.toUpperCase()) : ['*'];
    return registerHandlers(ctx, tracker, {
      instance,
      call,
      args: args.slice(2),
      methods,
      path: { value: staticString(args[1], ctx.scopeManager) },
      kind: 'route',
      via,
    });
  }
  if (method === 'use') {
    // `use('*', mw)` and `use('/*', mw)` mean every path, the same as no path.
    const path = first === '*' || first === '/*' ? undefined : first !== undefined ? { value: first } : undefined;
    const skip = first !== undefined ? 1 : 0;
    return registerHandlers(ctx, tracker, { instance, call, args: args.slice(skip), methods: ['*'], path, kind: 'middleware', via });
  }
  if (method === 'openapi' && args.length >= 2) {
    const route = openApiRoute(args[0], ctx);
    return registerHandlers(ctx, tracker, {
      instance,
      call,
      args: [args[1]!],
      methods: [route.method?.toUpperCase() ?? '*'],
      path: { value: route.path },
      kind: 'route',
      via,
    });
  }
  if (method === 'onError' || method === 'notFound') {
    return honoHandlers(ctx, args, via).map((fn) =>
      makeHandler({
        node: fn,
        framework: 'hono',
        kind: method === 'onError' ? 'error-middleware' : 'route',
        confidence: 'certain',
        via,
        label: method === 'onError' ? 'error handler' : 'not-found handler',
        filename: ctx.filename,
      }),
    );
  }
  return [];
}

/** Recognises Hono routes and middleware. */
export const detectHono: Detector = (ctx) => {
  if (![...MODULES, 'hono/factory'].some((module) => ctx.imports.modules.has(module))) return [];
  const tracker = new Tracker(ctx.scopeManager, chain);
  const direct = seed(tracker, ctx);
  tracker.finish();
  for (const tracked of tracker.calls) mount(tracker, ctx, tracked);
  const typed = typedHandlers(ctx, 'hono', ['hono'], [{ types: ['Context', 'Next'], kind: 'middleware' }]);
  return [...direct, ...tracker.calls.flatMap((tracked) => handlersOf(ctx, tracker, tracked)), ...typed];
};
