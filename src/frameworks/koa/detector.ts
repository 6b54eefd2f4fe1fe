/**
 * Koa: `new Koa()` apps (`use` middleware) and `@koa/router` / `koa-router` routers (verbs,
 * `all`, `use`, named routes, `{ prefix }`), followed through the module; `app.use(router.routes())`
 * and `router.use(path, other.routes())` mounts give prefixes.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext, Detector } from '../../handlers/detector.js';
import type { HandlerFinding } from '../../handlers/types.js';
import { addMount, newInstance } from '../../handlers/instance.js';
import { annotatedBinding } from '../../handlers/annotated-binding.js';
import { importUses } from '../../handlers/import-uses.js';
import { objectLiteral, propertyValue } from '../../handlers/object-literal.js';
import { registerHandlers } from '../../handlers/register.js';
import { staticString } from '../../ast/static-string.js';
import { Tracker } from '../../handlers/track.js';
import { typedHandlers } from '../../handlers/typed-handlers.js';
import type { ChainRule, TrackedCall } from '../../handlers/track.js';

/** The route methods this detector reads (the registry's `registrationCalls.verbs`). */
export const VERBS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all']);
const ROUTERS = ['@koa/router', 'koa-router'];
// `SwaggerRouter` from koa-swagger-decorator subclasses koa-router: same verbs, options and `routes()`.
const SWAGGER = 'koa-swagger-decorator';

const chain: ChainRule = ({ method, instance }) => {
  // `router.routes()` / `allowedMethods()` return the router's dispatch middleware, not a handler.
  if (instance.role === 'router' && (method === 'routes' || method === 'middleware' || method === 'allowedMethods')) {
    return newInstance({ ...instance, role: method === 'allowedMethods' ? 'allowed-methods' : 'routes', own: '', anchor: instance });
  }
  return VERBS.has(method) || method === 'use' || method === 'param' || method === 'prefix' ? instance : undefined;
};

function seed(tracker: Tracker, ctx: DetectContext): void {
  for (const use of importUses(ctx, ['koa', ...ROUTERS, SWAGGER])) {
    const isRouter = use.module !== 'koa';
    const name = use.path[0];
    const accepted = use.module === SWAGGER ? name === 'SwaggerRouter' : name === undefined || (isRouter && name === 'Router');
    if (use.path.length > 1 || !accepted) continue;
    if (use.use === 'type') {
      tracker.bindAnnotated(
        annotatedBinding(use.node),
        newInstance({
          framework: 'koa',
          role: isRouter ? 'router' : 'app',
          confidence: 'certain',
          via: `a parameter typed \`${isRouter ? 'Router' : 'Koa'}\``,
          own: '',
          anchor: isRouter ? 'unknown' : 'root',
        }),
      );
    } else if (use.use === 'new' || use.use === 'call') {
      const creation = use.node.parent as TSESTree.NewExpression | TSESTree.CallExpression;
      const options = objectLiteral(creation.arguments[0], ctx.scopeManager);
      const prefixNode = options && propertyValue(options, 'prefix');
      const prefix = prefixNode ? staticString(prefixNode, ctx.scopeManager) : '';
      const via = isRouter ? `\`new ${name ?? 'Router'}()\` from '${use.module}'` : '`new Koa()`';
      const anchor = !isRouter ? 'root' : prefix === undefined ? 'unknown' : 'mountable';
      tracker.add(
        creation,
        newInstance({ framework: 'koa', role: isRouter ? 'router' : 'app', confidence: 'certain', via, own: prefix ?? '', anchor }),
      );
    }
  }
}

function pathOf(node: TSESTree.Node | undefined, ctx: DetectContext): { value: string | undefined } | undefined {
  if (!node) return undefined;
  const value = staticString(node, ctx.scopeManager);
  if (value !== undefined) return { value };
  return node.type === AST_NODE_TYPES.ArrayExpression ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.Literal && 'regex' in node)
    ? { value: undefined }
    : undefined;
}

function mount(tracker: Tracker, ctx: DetectContext, { call, method, instance }: TrackedCall): void {
  if (method !== 'use') return;
  const path = instance.role === 'router' ? pathOf(call.arguments[0], ctx) : undefined;
  for (const arg of path ? call.arguments.slice(1) : call.arguments) {
    const child = tracker.instanceAt(arg);
    if (child?.role === 'routes' && typeof child.anchor === 'object') addMount(child.anchor, instance, path ? path.value : '');
  }
}

function handlersOf(ctx: DetectContext, tracker: Tracker, { call, method, instance }: TrackedCall): HandlerFinding[] {
  if (instance.role !== 'app' && instance.role !== 'router') return [];
  const via = `\`.${method}()\` on ${instance.via}`;
  const args = call.arguments;
  if (method === 'use') {
    const path = instance.role === 'router' ? pathOf(args[0], ctx) : undefined;
    return registerHandlers(ctx, tracker, {
      instance,
      call,
      args: path ? args.slice(1) : args,
      methods: ['*'],
      path,
      kind: 'middleware',
      via,
    });
  }
  if (instance.role !== 'router' || !VERBS.has(method)) return [];
  // Named routes: `router.get('user', '/users/:id', ...middleware)`.
  const named = staticString(args[0], ctx.scopeManager) !== undefined && pathOf(args[1], ctx) !== undefined;
  const path = pathOf(named ? args[1] : args[0], ctx);
  if (!path) return [];
  const methods = method === 'all' ? ['*'] : [method === 'del' ? 'DELETE' : method.toUpperCase()];
  return registerHandlers(ctx, tracker, { instance, call, args: args.slice(named ? 2 : 1), methods, path, kind: 'route', via });
}

/** Recognises Koa middleware and Koa router routes. */
export const detectKoa: Detector = (ctx) => {
  if (!['koa', ...ROUTERS, SWAGGER].some((module) => ctx.imports.modules.has(module))) return [];
  const tracker = new Tracker(ctx.scopeManager, chain);
  seed(tracker, ctx);
  tracker.finish();
  for (const tracked of tracker.calls) mount(tracker, ctx, tracked);
  // `(ctx: Context)` alone is also the shape of helpers; only the middleware signature with `Next` counts.
  const typed = typedHandlers(
    ctx,
    'koa',
    ['koa'],
    [
      { types: ['Context', 'Next'], kind: 'middleware' },
      { types: ['ParameterizedContext', 'Next'], kind: 'middleware' },
    ],
  );
  return [...tracker.calls.flatMap((tracked) => handlersOf(ctx, tracker, tracked)), ...typed];
};
