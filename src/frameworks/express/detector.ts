/**
 * Express: apps (`express()`), routers (`express.Router()`, `Router()`), parameters typed
 * `Express`/`Application`/`Router` from 'express', followed through the module; verb and `all`
 * routes, `route(path).get()` chains, `use` middleware (error middleware by arity), `param`,
 * and `use(path, router)` mounts for prefixes.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Detector } from '../../handlers/detector.js';
import type { HandlerFinding } from '../../handlers/types.js';
import { addMount, newInstance } from '../../handlers/instance.js';
import { annotatedBinding } from '../../handlers/annotated-binding.js';
import { importUses } from '../../handlers/import-uses.js';
import { registerHandlers } from '../../handlers/register.js';
import { staticString } from '../../ast/static-string.js';
import { typedHandlers } from '../../handlers/typed-handlers.js';
import { handlerFunctions } from '../../handlers/handler-functions.js';
import { makeHandler } from '../../handlers/make-handler.js';
import { Tracker } from '../../handlers/track.js';
import type { ChainRule, TrackedCall } from '../../handlers/track.js';

/** The route methods this detector reads (the registry's `registrationCalls.verbs`). */
export const VERBS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);
const PATHS = new Set(['Literal', 'TemplateLiteral', 'ArrayExpression', 'Identifier', 'MemberExpression', 'BinaryExpression']);

const chain: ChainRule = ({ call, method, instance }, tracker) => {
  if (method === 'route' && instance.role !== 'route') {
    return newInstance({
      ...instance,
      role: 'route',
      own: '',
      anchor: instance,
      chainPath: staticString(call.arguments[0], tracker.scopeManager),
    });
  }
  return VERBS.has(method) || method === 'use' || method === 'param' ? instance : undefined;
};

/** Verbs take a path first: a string, template, regex, array of those, or a name/member holding one. */
function isPathArgument(node: TSESTree.Node | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.ArrayExpression)
    return node.elements.every((e) => e?.type === AST_NODE_TYPES.Literal || e?.type === AST_NODE_TYPES.TemplateLiteral);
  return node !== undefined && PATHS.has(node.type);
}

/** `use` takes an optional path: only a literal, or a name that statically holds a string. */
function usePath(node: TSESTree.Node | undefined, tracker: Tracker): { value: string | undefined } | undefined {
  if (!node || tracker.instanceAt(node)) return undefined;
  const value = staticString(node, tracker.scopeManager);
  if (value !== undefined) return { value };
  if (
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    node.type === AST_NODE_TYPES.BinaryExpression ||
    (node.type === AST_NODE_TYPES.Literal && 'regex' in node)
  )
    return { value: undefined };
  return node.type === AST_NODE_TYPES.ArrayExpression && isPathArgument(node) ? { value: undefined } : undefined;
}

function seed(tracker: Tracker, ctx: Parameters<Detector>[0]): void {
  for (const use of importUses(ctx, ['express'])) {
    const [first, ...rest] = use.path;
    if (rest.length > 0) continue;
    const isApp = first === undefined || first === 'Express' || first === 'Application';
    const isRouter = first === 'Router' || first === 'IRouter';
    if (!isApp && !isRouter) continue;
    if (use.use === 'type') {
      const instance = newInstance({
        framework: 'express',
        role: isApp ? 'app' : 'router',
        confidence: 'certain',
        via: `a parameter typed \`${first ?? 'express'}\``,
        own: '',
        anchor: isApp ? 'root' : 'unknown',
      });
      tracker.bindAnnotated(annotatedBinding(use.node), instance);
    } else if ((use.use === 'call' || use.use === 'new') && (first === undefined || first === 'Router')) {
      const via = first === undefined ? '`express()`' : '`express.Router()`';
      tracker.add(
        use.node.parent!,
        newInstance({
          framework: 'express',
          role: isApp ? 'app' : 'router',
          confidence: 'certain',
          via,
          own: '',
          anchor: isApp ? 'root' : 'mountable',
        }),
      );
    }
  }
}

function mount(tracker: Tracker, { call, method, instance }: TrackedCall): void {
  if (method !== 'use' || instance.role === 'route') return;
  const path = usePath(call.arguments[0], tracker);
  for (const arg of path ? call.arguments.slice(1) : call.arguments) {
    const child = tracker.instanceAt(arg);
    if (child) addMount(child, instance, path ? path.value : '');
  }
}

function handlersOf(ctx: Parameters<Detector>[0], tracker: Tracker, tracked: TrackedCall): HandlerFinding[] {
  const { call, method, instance } = tracked;
  const receiver = instance.role === 'route' ? '`route()`' : instance.via;
  const via = `\`.${method}()\` on ${receiver}`;
  if (instance.role === 'route') {
    if (!VERBS.has(method)) return [];
    const methods = method === 'all' ? ['*'] : [method.toUpperCase()];
    return registerHandlers(ctx, tracker, {
      instance,
      call,
      args: call.arguments,
      methods,
      path: { value: instance.chainPath },
      kind: 'route',
      via,
    });
  }
  const [first, ...rest] = call.arguments;
  if (VERBS.has(method)) {
    // `app.get('setting')` reads a setting; a route has a path and at least one handler.
    if (rest.length === 0 || !isPathArgument(first)) return [];
    const methods = method === 'all' ? ['*'] : [method.toUpperCase()];
    return registerHandlers(ctx, tracker, {
      instance,
      call,
      args: rest,
      methods,
      path: { value: staticString(first, ctx.scopeManager) },
      kind: 'route',
      via,
    });
  }
  if (method === 'use') {
    const path = usePath(first, tracker);
    const args = path ? rest : call.arguments;
    return registerHandlers(ctx, tracker, { instance, call, args, methods: ['*'], path, kind: 'middleware', via });
  }
  if (method === 'param' && rest.length > 0) {
    return registerHandlers(ctx, tracker, { instance, call, args: rest, methods: ['*'], path: undefined, kind: 'middleware', via });
  }
  return [];
}

/** Recognises Express handlers. */
export const detectExpress: Detector = (ctx) => {
  if (!ctx.imports.modules.has('express')) return [];
  const tracker = new Tracker(ctx.scopeManager, chain);
  seed(tracker, ctx);
  tracker.finish();
  for (const tracked of tracker.calls) mount(tracker, tracked);
  return [...tracker.calls.flatMap((tracked) => handlersOf(ctx, tracker, tracked)), ...typedExpressHandlers(ctx)];
};

/** Controllers defined apart from their registration: typed `(req: Request, res: Response)` or `RequestHandler`. */
function typedExpressHandlers(ctx: Parameters<Detector>[0]): HandlerFinding[] {
  const handlers = typedHandlers(
    ctx,
    'express',
    ['express'],
    [
      { types: ['Request', 'Response'], kind: 'route' },
      { types: ['Request', 'Response', 'NextFunction'], kind: 'middleware' },
    ],
  );
  for (const use of importUses(ctx, ['express'])) {
    const name = use.path.length === 1 ? use.path[0] : undefined;
    if (use.use !== 'type' || (name !== 'RequestHandler' && name !== 'ErrorRequestHandler')) continue;
    const binding = annotatedBinding(use.node);
    if (binding?.type !== 'variable' || !binding.declarator.init) continue;
    for (const fn of handlerFunctions(ctx.scopeManager, binding.declarator.init)) {
      const kind = name === 'ErrorRequestHandler' ? 'error-middleware' : fn.params.length >= 3 ? 'middleware' : 'route';
      handlers.push(
        makeHandler({
          node: fn,
          framework: 'express',
          kind,
          confidence: 'certain',
          via: `a function typed \`${name}\``,
          filename: ctx.filename,
        }),
      );
    }
  }
  return handlers;
}
