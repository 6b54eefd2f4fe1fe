/**
 * Fastify: `fastify()` instances, plugin instances (functions passed to `register`, wrapped by
 * `fastify-plugin`, typed `FastifyInstance` / `FastifyPlugin*`, or exported the fastify-autoload
 * way), followed through the module; verb shorthands, `route()`, per-request `addHook`s, error
 * and not-found handlers; `register(plugin, { prefix })` prefixes.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import type { Confidence, HandlerFinding, HandlerKind, RouteInfo } from '../../handlers/types.js';
import type { Instance } from '../../handlers/instance.js';
import { isUnprefixedRoot, newInstance } from '../../handlers/instance.js';
import { annotatedBinding } from '../../handlers/annotated-binding.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { localOrExternal } from '../../handlers/register.js';
import { importUses } from '../../handlers/import-uses.js';
import { makeHandler } from '../../handlers/make-handler.js';
import { makeExternalRoute } from '../../handlers/external-route.js';
import { objectLiteral, propertyValue } from '../../handlers/object-literal.js';
import { staticString } from '../../ast/static-string.js';
import { Tracker } from '../../handlers/track.js';
import type { ChainRule, TrackedCall } from '../../handlers/track.js';
import { typedHandlers } from '../../handlers/typed-handlers.js';
import { fastifyExportSeeds } from './exports.js';

/** The route methods this detector reads (the registry's `registrationCalls.verbs`). */
export const VERBS: ReadonlySet<string> = new Set([
  'get',
  'head',
  'post',
  'put',
  'delete',
  'options',
  'patch',
  'all',
  'search',
  'propfind',
]);
/** Hooks that run once per request; `onReady`, `onClose`, `onRoute`, ... run at startup. */
const REQUEST_HOOKS = [
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
  'onRequestAbort',
];
const CHAINABLE = new Set([
  ...VERBS,
  'route',
  'addHook',
  'register',
  'withTypeProvider',
  'decorate',
  'decorateRequest',
  'decorateReply',
  'setErrorHandler',
  'setNotFoundHandler',
  'addSchema',
  'addContentTypeParser',
]);
const MODULES = [
  'fastify',
  'fastify-plugin',
  '@fastify/type-provider-typebox',
  'fastify-type-provider-zod',
  '@fastify/type-provider-json-schema-to-ts',
];

function plugin(
  instance: Instance,
  anchor: Instance | 'unknown',
  own: string,
  via: string,
  confidence: Confidence = instance.confidence,
): Instance {
  return newInstance({ framework: 'fastify', role: 'plugin', confidence, via, own, anchor });
}

const chain: ChainRule = ({ call, method, instance }, tracker) => {
  if (method === 'register' && call.arguments[0]) {
    const options = objectLiteral(call.arguments[1], tracker.scopeManager);
    const prefixNode = options && propertyValue(options, 'prefix');
    const prefix = prefixNode ? staticString(prefixNode, tracker.scopeManager) : '';
    const child = plugin(instance, prefix === undefined ? 'unknown' : instance, prefix ?? '', `a plugin registered on ${instance.via}`);
    for (const fn of handlerFunctions(tracker.scopeManager, call.arguments[0])) tracker.bindParameter(fn, 0, child);
  }
  return CHAINABLE.has(method) ? instance : undefined;
};

function seed(tracker: Tracker, ctx: DetectContext): void {
  const uses = importUses(ctx, MODULES);
  // Roots first, so plugins registered on them get their prefix before other seeds claim them.
  for (const use of uses) {
    if (use.module === 'fastify' && use.use === 'call' && (use.path.length === 0 || (use.path.length === 1 && use.path[0] === 'fastify'))) {
      tracker.add(
        use.node.parent!,
        newInstance({ framework: 'fastify', role: 'app', confidence: 'certain', via: '`fastify()`', own: '', anchor: 'root' }),
      );
    }
  }
  const unknown = (via: string, confidence: Confidence = 'certain'): Instance =>
    newInstance({ framework: 'fastify', role: 'plugin', confidence, via, own: '', anchor: 'unknown' });
  for (const use of uses) {
    const name = use.path[0];
    if (use.use === 'call' && use.module === 'fastify-plugin' && use.path.length === 0) {
      const call = use.node.parent as TSESTree.CallExpression;
      const [first] = call.arguments;
      for (const fn of first ? handlerFunctions(ctx.scopeManager, first) : [])
        tracker.bindParameter(fn, 0, unknown('a `fastify-plugin` plugin'));
    } else if (use.use === 'type' && name === 'FastifyInstance') {
      tracker.bindAnnotated(annotatedBinding(use.node), unknown('a parameter typed `FastifyInstance`'));
    } else if (use.use === 'type' && name !== undefined && /^FastifyPlugin(Async|Callback)/.test(name)) {
      const binding = annotatedBinding(use.node);
      if (binding?.type === 'variable' && binding.declarator.init) {
        for (const fn of handlerFunctions(ctx.scopeManager, binding.declarator.init))
          tracker.bindParameter(fn, 0, unknown(`a plugin typed \`${name}\``));
      }
    }
  }
  const imported = MODULES.some((module) => ctx.imports.modules.has(module));
  for (const { fn, name } of fastifyExportSeeds(ctx.ast, imported)) {
    tracker.bindParameter(fn, 0, unknown(`an exported plugin \`(${name}, opts)\``, imported ? 'certain' : 'heuristic'));
  }
}

function staticMethods(node: TSESTree.Node | undefined, ctx: DetectContext): string[] | undefined {
  if (node?.type === AST_NODE_TYPES.ArrayExpression) {
    const methods = node.elements.map((element) => (element ? staticString(element, ctx.scopeManager) : undefined));
    return methods.every((m) => m !== undefined) ? methods.map((m) => m.toUpperCase()) : undefined;
  }
  const method = staticString(node, ctx.scopeManager);
  return method === undefined ? undefined : [method.toUpperCase()];
}

function build(
  ctx: DetectContext,
  instance: Instance,
  nodes: readonly (TSESTree.Node | undefined)[],
  kind: HandlerKind,
  via: string,
  route: RouteInfo | undefined,
  label?: string,
): HandlerFinding[] {
  return nodes.flatMap((node) => {
    if (!node) return [];
    // An imported hook or error handler (`addHook('onRequest', auth)`, `preHandler: [auth]`): its
    // own module learns it runs per request, as an imported Express middleware does. (A route's
    // own imported handler is an external route, see `routeHandler`.)
    const external =
      kind !== 'route' || route === undefined
        ? ({ framework: 'fastify', kind: 'middleware', confidence: instance.confidence, via, route } as const)
        : undefined;
    return localOrExternal(ctx, node, external).map((fn) =>
      makeHandler({ node: fn, framework: 'fastify', kind, confidence: instance.confidence, via, route, label, filename: ctx.filename }),
    );
  });
}

/** The route's own handler; one from another module (`fastify.get('/x', users.list)`) goes to `ctx.externalRoutes`. */
function routeHandler(
  ctx: DetectContext,
  instance: Instance,
  node: TSESTree.Node | undefined,
  via: string,
  route: RouteInfo,
): HandlerFinding[] {
  const handlers = build(ctx, instance, [node], 'route', via, route);
  if (handlers.length === 0 && node)
    ctx.externalRoutes.push(makeExternalRoute({ framework: 'fastify', confidence: instance.confidence, via, route, target: node }));
  return handlers;
}

/** Handlers and hooks of a route options object (`route()` or a shorthand's options). */
function fromOptions(
  ctx: DetectContext,
  instance: Instance,
  options: TSESTree.ObjectExpression,
  route: RouteInfo,
  via: string,
  handler?: TSESTree.Node,
): HandlerFinding[] {
  const handlers = routeHandler(ctx, instance, handler ?? propertyValue(options, 'handler'), via, route);
  for (const hook of REQUEST_HOOKS)
    handlers.push(
      ...build(
        ctx,
        instance,
        [propertyValue(options, hook)],
        'hook',
        via,
        route,
        `${hook} hook of ${route.methods.join(',')} ${route.path ?? '<unknown path>'}`,
      ),
    );
  handlers.push(...build(ctx, instance, [propertyValue(options, 'errorHandler')], 'error-middleware', via, route));
  return handlers;
}

function handlersOf(ctx: DetectContext, { call, method, instance }: TrackedCall): HandlerFinding[] {
  const via = `\`.${method}()\` on ${instance.via}`;
  const root = isUnprefixedRoot(instance);
  const routeInfo = (methods: readonly string[], pathNode: TSESTree.Node | undefined): RouteInfo => {
    const path = staticString(pathNode, ctx.scopeManager);
    // The route's own path; the route inventory takes every prefix from the mount graph.
    return { methods, path, pathComplete: root && path !== undefined, registration: call };
  };
  const args = call.arguments;
  if (VERBS.has(method) && args.length >= 2) {
    const route = routeInfo(method === 'all' ? ['*'] : [method.toUpperCase()], args[0]);
    const options = objectLiteral(args[1], ctx.scopeManager);
    if (options) return fromOptions(ctx, instance, options, route, via, args[2]);
    // `post(path, schemaOptions, handler)` with options from another module: the handler is the third argument.
    return routeHandler(ctx, instance, args[2] ?? args[1], via, route);
  }
  if (method === 'route') {
    const options = objectLiteral(args[0], ctx.scopeManager);
    if (!options) return [];
    const methods = staticMethods(propertyValue(options, 'method'), ctx) ?? ['*'];
    return fromOptions(ctx, instance, options, routeInfo(methods, propertyValue(options, 'url') ?? propertyValue(options, 'path')), via);
  }
  if (method === 'addHook') {
    const hook = staticString(args[0], ctx.scopeManager);
    return hook !== undefined && REQUEST_HOOKS.includes(hook)
      ? build(ctx, instance, [args[1]], 'hook', via, undefined, `${hook} hook`)
      : [];
  }
  if (method === 'setErrorHandler') return build(ctx, instance, [args[0]], 'error-middleware', via, undefined, 'error handler');
  if (method === 'setNotFoundHandler') return build(ctx, instance, [args[args.length - 1]], 'route', via, undefined, 'not-found handler');
  return [];
}

/** Recognises Fastify handlers and request hooks. */
export const detectFastify: Detector = (ctx) => {
  const tracker = new Tracker(ctx.scopeManager, chain);
  seed(tracker, ctx);
  tracker.finish();
  const typed = typedHandlers(ctx, 'fastify', ['fastify'], [{ types: ['FastifyRequest', 'FastifyReply'], kind: 'route' }]);
  return [...tracker.calls.flatMap((tracked) => handlersOf(ctx, tracked)), ...typed];
};
