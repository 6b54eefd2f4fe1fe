/**
 * Elysia: `new Elysia({ prefix })` instances followed through the module and their chains; verbs,
 * `all`, `route(method, path, handler)`, the hook object of a route (`{ beforeHandle }`),
 * lifecycle hooks (`onBeforeHandle`, `derive`, `onError`, ...), `group(prefix, app => ...)` and
 * `guard(hook, app => ...)` callbacks, `use(plugin)` mounts of other instances, and plugin
 * functions `use((app) => app.get(...))`. A route's handler may be a value (`.get('/', 'hi')`):
 * the route is then kept as an external route, with no function to analyse.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import type { HandlerFinding, HandlerKind } from '../../handlers/types.js';
import type { Instance } from '../../handlers/instance.js';
import { addMount, newInstance } from '../../handlers/instance.js';
import { annotatedBinding } from '../../handlers/annotated-binding.js';
import { importUses } from '../../handlers/import-uses.js';
import { isFunction } from '../../ast/resolve-function.js';
import { makeHandler } from '../../handlers/make-handler.js';
import { objectLiteral, propertyValue } from '../../handlers/object-literal.js';
import { localOrExternal, registerHandlers } from '../../handlers/register.js';
import { staticString } from '../../ast/static-string.js';
import { Tracker } from '../../handlers/track.js';
import type { ChainRule, TrackedCall } from '../../handlers/track.js';
import { unwrap } from '../../ast/unwrap.js';

const MODULE = 'elysia';
/** The route methods this detector reads (the registry's `registrationCalls.verbs`). */
export const VERBS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);
/** Lifecycle hooks that run per request, and the route hook-object keys that hold the same. */
export const HOOKS: ReadonlySet<string> = new Set([
  'onRequest',
  'onParse',
  'onTransform',
  'onBeforeHandle',
  'onAfterHandle',
  'mapResponse',
  'onMapResponse',
  'onAfterResponse',
  'derive',
  'resolve',
]);
const HOOK_KEYS = ['parse', 'transform', 'beforeHandle', 'afterHandle', 'mapResponse', 'afterResponse', 'derive', 'resolve', 'error'];
const CHAINABLE = new Set([
  ...VERBS,
  ...HOOKS,
  'route',
  'use',
  'group',
  'guard',
  'onError',
  'listen',
  'decorate',
  'state',
  'model',
  'macro',
  'as',
  'mount',
  'ws',
  'onStart',
  'onStop',
]);

/** `group('/p', [hook,] (app) => ...)`, `guard(hook, (app) => ...)`, `use((app) => ...)`: the callback's app is `child`. */
function bindCallback(tracker: Tracker, callback: TSESTree.Node | undefined, child: Instance): void {
  const fn = callback && unwrap(callback);
  if (isFunction(fn)) tracker.bindParameter(fn, 0, child);
}

const chain: ChainRule = ({ call, method, instance }, tracker) => {
  const args = call.arguments;
  if (method === 'group' && args.length >= 2) {
    const prefix = staticString(args[0], tracker.scopeManager);
    const child = newInstance({
      framework: 'elysia',
      role: 'group',
      confidence: instance.confidence,
      via: `\`.group()\` on ${instance.via}`,
      own: prefix ?? '',
      anchor: prefix === undefined ? 'unknown' : instance,
    });
    bindCallback(tracker, args.at(-1), child);
  } else if (method === 'guard' && args.length >= 2) {
    bindCallback(
      tracker,
      args.at(-1),
      newInstance({
        framework: 'elysia',
        role: 'group',
        confidence: instance.confidence,
        via: `\`.guard()\` on ${instance.via}`,
        own: '',
        anchor: instance,
      }),
    );
  } else if (method === 'use' && args[0]) {
    // A plugin function registers on the app it is given.
    bindCallback(
      tracker,
      args[0],
      newInstance({
        framework: 'elysia',
        role: 'group',
        confidence: instance.confidence,
        via: `a plugin used on ${instance.via}`,
        own: '',
        anchor: instance,
      }),
    );
  }
  return CHAINABLE.has(method) ? instance : undefined;
};

function seed(tracker: Tracker, ctx: DetectContext): void {
  for (const use of importUses(ctx, [MODULE])) {
    if (use.path.length !== 1 || use.path[0] !== 'Elysia') continue;
    if (use.use === 'new') {
      const creation = use.node.parent as TSESTree.NewExpression;
      const options = objectLiteral(creation.arguments[0], ctx.scopeManager);
      const prefixNode = options && propertyValue(options, 'prefix');
      const prefix = prefixNode ? staticString(prefixNode, ctx.scopeManager) : '';
      tracker.add(
        creation,
        newInstance({
          framework: 'elysia',
          role: 'app',
          confidence: 'certain',
          via: '`new Elysia()`',
          own: prefix ?? '',
          anchor: prefix === undefined ? 'unknown' : 'mountable',
        }),
      );
    } else if (use.use === 'type') {
      tracker.bindAnnotated(
        annotatedBinding(use.node),
        newInstance({
          framework: 'elysia',
          role: 'app',
          confidence: 'certain',
          via: 'a parameter typed `Elysia`',
          own: '',
          anchor: 'unknown',
        }),
      );
    }
  }
}

function mount(tracker: Tracker, { call, method, instance }: TrackedCall): void {
  if (method !== 'use') return;
  const child = call.arguments[0] && tracker.instanceAt(call.arguments[0]);
  // An instance's own `{ prefix }` is part of the child already; `use` adds none.
  if (child) addMount(child, instance, '');
}

/** The per-request functions of a hook object (`{ beforeHandle: [auth, log], body: t.Object(...) }`). */
function hookFunctions(node: TSESTree.Node | undefined, ctx: DetectContext): TSESTree.Node[] {
  const hook = objectLiteral(node, ctx.scopeManager);
  if (!hook) return [];
  return HOOK_KEYS.flatMap((key) => {
    const value = propertyValue(hook, key);
    return value ? [value] : [];
  });
}

function hooksOf(
  ctx: DetectContext,
  tracker: Tracker,
  nodes: readonly TSESTree.Node[],
  kind: HandlerKind,
  via: string,
  label?: string,
): HandlerFinding[] {
  // An imported hook (`onBeforeHandle(audit)`): its own module learns it runs per request, as an
  // imported Express middleware does.
  const external = { framework: 'elysia', kind: 'middleware', confidence: 'certain', via, route: undefined } as const;
  const isInstance = (node: TSESTree.Node): boolean => tracker.instanceAt(node) !== undefined;
  return nodes.flatMap((node) => {
    const functions = localOrExternal(ctx, node, external, isInstance);
    return functions.map((fn) =>
      makeHandler({ node: fn, framework: 'elysia', kind, confidence: 'certain', via, label, filename: ctx.filename }),
    );
  });
}

function handlersOf(ctx: DetectContext, tracker: Tracker, { call, method, instance }: TrackedCall): HandlerFinding[] {
  const via = `\`.${method}()\` on ${instance.via}`;
  const args = call.arguments;
  const route = (
    methods: string[],
    pathArg: TSESTree.Node | undefined,
    handler: TSESTree.Node | undefined,
    hook: TSESTree.Node | undefined,
  ): HandlerFinding[] => {
    if (!handler) return [];
    const path = { value: staticString(pathArg, ctx.scopeManager) };
    const middleware = registerHandlers(ctx, tracker, {
      instance,
      call,
      args: hookFunctions(hook, ctx),
      methods,
      path,
      kind: 'middleware',
      via,
    });
    return [...middleware, ...registerHandlers(ctx, tracker, { instance, call, args: [handler], methods, path, kind: 'route', via })];
  };
  if (VERBS.has(method)) return route(method === 'all' ? ['*'] : [method.toUpperCase()], args[0], args[1], args[2]);
  if (method === 'route') {
    const verb = staticString(args[0], ctx.scopeManager);
    return route([verb === undefined ? '*' : verb.toUpperCase()], args[1], args[2], args[3]);
  }
  if (HOOKS.has(method)) return hooksOf(ctx, tracker, args.slice(-1), 'hook', via, `${method} hook`);
  if (method === 'onError') return hooksOf(ctx, tracker, args.slice(-1), 'error-middleware', via, 'error handler');
  if (method === 'guard' || (method === 'group' && args.length >= 3))
    return hooksOf(ctx, tracker, hookFunctions(method === 'guard' ? args[0] : args[1], ctx), 'middleware', via);
  return [];
}

/** Recognises Elysia routes, hooks and guards. */
export const detectElysia: Detector = (ctx) => {
  if (!ctx.imports.modules.has(MODULE)) return [];
  const tracker = new Tracker(ctx.scopeManager, chain);
  seed(tracker, ctx);
  tracker.finish();
  for (const tracked of tracker.calls) mount(tracker, tracked);
  return tracker.calls.flatMap((tracked) => handlersOf(ctx, tracker, tracked));
};
